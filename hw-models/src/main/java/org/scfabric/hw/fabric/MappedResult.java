package org.scfabric.hw.fabric;

import org.HdrHistogram.Histogram;

/**
 * What a {@link MappedFabric} run measured, besides the fabric figures of {@link FabricResult} (cycles per
 * step, utilisation, FIFO occupancy over the cores' FIFOs and the input FIFO, stalls, spike-to-delivery
 * latencies).
 *
 * @param fabric           the fabric's figures; its spikes are every neuron's, per step
 * @param outputs          the output events (step, neuron, edge, value) in edge order
 * @param inputStartCycle  per step, the edge its input phase started
 * @param inputStallCycles edges the input port waited for a FIFO slot
 * @param ioLatency        per output event, cycles from its step's input phase start to its result edge
 * @param inputEvents      input events sent
 */
public record MappedResult(FabricResult fabric, OutputEvents outputs, long[] inputStartCycle, long inputStallCycles,
    Histogram ioLatency, long inputEvents)
{
}
