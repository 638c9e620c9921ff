package org.scfabric.hw.fabric;

/**
 * The wires between the {@link FabricEngine}'s blocks, as arrays made once and shared, so an edge
 * allocates nothing: per spike FIFO (one per core, then the input port's) the push register and the
 * credit pulse with its last-edge copy; per fan-out port the delivery (target, weight, tag) and its
 * last-edge copy.
 */
final class Wires
{
    final boolean[] pushValid;
    final int[] pushId;
    final boolean[] credit;
    final boolean[] creditQ;
    final int[] dlvTgt;
    final int[] dlvW;
    final int[] dlvTag;
    final int[] dlvTgtQ;
    final int[] dlvWQ;
    final int[] dlvTagQ;

    Wires(final int fifos, final int ports)
    {
        pushValid = new boolean[fifos];
        pushId = new int[fifos];
        credit = new boolean[fifos];
        creditQ = new boolean[fifos];
        dlvTgt = new int[ports];
        dlvW = new int[ports];
        dlvTag = new int[ports];
        dlvTgtQ = new int[ports];
        dlvWQ = new int[ports];
        dlvTagQ = new int[ports];
    }
}
