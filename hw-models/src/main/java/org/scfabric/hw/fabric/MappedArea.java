package org.scfabric.hw.fabric;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scfabric.hw.area.Area;
import org.scfabric.hw.area.AreaModel;
import org.scfabric.hw.area.Target;
import org.scfabric.hw.lif.CubaLifParams;

/**
 * The area of a {@link MappedNetwork} on a fabric, from the component area models of {@link AreaModel}
 * and memory sizes taken from the network. Per core: one neuron datapath costed as the bit-true CubaLIF
 * core's logic ({@link AreaModel#cubaLif}, the largest kind: LIF, LI, IF bypass parts of it; its state
 * registers are not counted, the state is in memory), per accumulator group a saturating adder of the
 * accumulator width (with the bias) and one of W bits (the sum in edge order), one read-modify-write
 * adder per fan-out port, the issue and credit counters and the pipeline registers. The router: the
 * spike FIFOs (K, plus the input port's), their pointers, the row and beat registers. The controller:
 * step and phase counters.
 *
 * <p>Memories, sized from the network and the format: per core v (W bits), the synaptic current i (W,
 * when a CubaLIF/CubaLI population exists), one word per neuron for each parameter that differs between
 * neurons (the others are constants), the accumulators ({@code groups × banks} words of the
 * accumulator width); the row memory (a word per source: start and length) and the fan-out memory (a
 * word per synapse: target, tag, weight, each as wide as the network needs). Block RAMs are counted per
 * memory: iCE40 SB_RAM40_4K (256 × 16), Xilinx RAMB18 (1024 × 18; memories under 1 kbit go to LUT RAM
 * there).
 *
 * <p>This is an estimate of that architecture from the parts, not fitted to synthesis. The general fabric's
 * RTL ({@link MappedRtl}) keeps the accumulators and the spike FIFOs in registers rather than block RAM, so
 * Yosys's figures for it are far above this estimate; docs/area.md ("The general fabric") compares the two
 * on a few graphs and says where the difference lies.
 */
public final class MappedArea
{
    private MappedArea()
    {
    }

    /** The estimate of logic and memories; {@link #memoryBits} and {@link #blocks} break the memories down. */
    public static Area estimate(final FabricParams fp, final MappedNetwork net, final Target t)
    {
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final int w = net.width();
        final int k = fp.cores();
        final int p = fp.ports();
        final int lc = fp.coreLatency();
        final int lr = fp.csrLatency();
        final int acc = net.accumulatorBits();
        final int g = net.groups();
        final int idb = FabricParams.bitsFor(net.size() + net.inputs() - 1);
        final int tgb = FabricParams.bitsFor(net.size() - 1);
        final int tagb = FabricParams.bitsFor((long)net.banks() * g - 1);
        final int wb = net.weightBits();
        final int d = fp.fifoDepth();
        final int crb = FabricParams.bitsFor(d);
        final Area datapath = AreaModel.cubaLif(t, new CubaLifParams(w, net.fraction(), 0, 0, 1));
        Area a = Area.ZERO;
        for (int c = 0; c < k; c++)
        {
            final int ab = FabricParams.bitsFor(Math.max(1, pl.size(c)) - 1);
            a = a.plus(new Area(datapath.lut(), 0, 0, datapath.dsp()))
                .plus(AreaModel.adder(t, (long)g * (acc + w)))
                .plus(AreaModel.adder(t, (long)p * acc))
                .plus(AreaModel.counter(t, ab)).plus(AreaModel.counter(t, crb))
                .plus(new Area(0, 6L + idb + 2L * ab + lc + (long)lc * ab + 2L * w, 0, 0));
        }
        final int fifos = k + (net.inputs() > 0 ? 1 : 0);
        final int db = FabricParams.bitsFor(d);
        final int pb = FabricParams.bitsFor(d - 1);
        final int eb = FabricParams.bitsFor(Math.max(1, net.synapses()));
        a = a.plus(t == Target.ICE40 ? new Area(0, (long)fifos * d * idb, 0, 0) : Area.ZERO)
            .plus(AreaModel.counter(t, pb).plus(AreaModel.counter(t, pb)).plus(AreaModel.counter(t, db)).times(fifos))
            .plus(AreaModel.counter(t, eb)).plus(AreaModel.adder(t, eb))
            .plus(new Area(0, fifos + 2L + FabricParams.bitsFor(lr) + FabricParams.bitsFor(fifos - 1) + idb + eb + 1
                + (long)lr * (p + eb) + p + (long)p * (tgb + tagb + wb) + 1, 0, 0));
        a = a.plus(AreaModel.counter(t, 32)).plus(AreaModel.counter(t, FabricParams.bitsFor(net.phases() - 1)))
            .plus(new Area(0, 4, 0, 0));
        long bits = 0;
        for (final long b : memoryBits(fp, net).values())
        {
            bits += b;
        }
        return a.plus(new Area(0, 0, bits, 0));
    }

    /** Each memory's bits (the per-core memories summed over the cores). */
    public static Map<String, Long> memoryBits(final FabricParams fp, final MappedNetwork net)
    {
        final Map<String, Long> m = new LinkedHashMap<>();
        for (final long[] mem : memories(fp, net))
        {
            final String name = MEMORY_NAMES[(int)mem[0]];
            m.merge(name, mem[1] * mem[2], Long::sum);
        }
        return m;
    }

    private static final String[] MEMORY_NAMES = {"v", "i", "parameters", "accumulators", "rows", "fanout"};

    /** Memories as (name index, depth, width), per core for the state and once for the router. */
    private static long[][] memories(final FabricParams fp, final MappedNetwork net)
    {
        final Placement pl = Placement.layered(fp.cores(), net.levelStarts(), net.phases());
        final int w = net.width();
        boolean current = false;
        for (int j = 0; j < net.size(); j++)
        {
            current |= net.kind(j) == MappedNetwork.CURRENT;
        }
        final int params = net.parameterWordsPerNeuron();
        final long accWidth = (long)net.groups() * net.banks() * net.accumulatorBits();
        final int k = fp.cores();
        final long[][] out = new long[4 * k + 2][];
        int n = 0;
        for (int c = 0; c < k; c++)
        {
            final long s = pl.size(c);
            out[n++] = new long[] {0, s, w};
            out[n++] = new long[] {1, current ? s : 0, w};
            out[n++] = new long[] {2, s, (long)params * w};
            out[n++] = new long[] {3, s, accWidth};
        }
        final int sources = net.size() + net.inputs();
        final int eb = FabricParams.bitsFor(Math.max(1, net.synapses()));
        final int lb = FabricParams.bitsFor(Math.max(1, net.maxRowLength()));
        out[n++] = new long[] {4, sources, eb + lb};
        out[n++] = new long[] {5, net.synapses(), FabricParams.bitsFor(net.size() - 1)
            + FabricParams.bitsFor((long)net.banks() * net.groups() - 1) + net.weightBits()};
        return out;
    }

    /** Block RAMs of the memories on the target (see the class comment). */
    public static long blocks(final FabricParams fp, final MappedNetwork net, final Target t)
    {
        long blocks = 0;
        for (final long[] mem : memories(fp, net))
        {
            final long depth = mem[1];
            final long width = mem[2];
            if (depth == 0 || width == 0)
            {
                continue;
            }
            if (t == Target.ICE40)
            {
                blocks += ((depth + 255) / 256) * ((width + 15) / 16);
            }
            else if (depth * width >= 1024)
            {
                blocks += ((depth + 1023) / 1024) * ((width + 17) / 18);
            }
        }
        return blocks;
    }
}
