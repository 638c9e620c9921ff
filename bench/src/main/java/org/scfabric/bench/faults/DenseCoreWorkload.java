package org.scfabric.bench.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.scfabric.hw.component.DenseLayerNetlist;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

/**
 * {@code sc_dense_layer_core} as a netlist of kernel components ({@link DenseLayerNetlist}, prefix
 * {@code core0}): 16 LFSR input encoders and 16 weight encoders, AND synapses, popcount-to-current,
 * and the layer's LIF neurons (Q8.8, leak 16, gain 256, I_t from 0..600), one bitstream bit per cycle
 * for the whole run. Inputs x_i and weights w_i are drawn from the seed. Every cycle is taken as one
 * network step of 0.1 ms (so rates are per 0.1 ms-bit); spikes are read from {@code core0.spikes}.
 */
public final class DenseCoreWorkload implements Workload
{
    public static final int INPUTS = 16;

    private final int neurons;
    private final long cycles;
    private final long seed;
    private final int[] x = new int[INPUTS];
    private final int[] w = new int[INPUTS];

    public DenseCoreWorkload(final int neurons, final double durationMs, final long seed)
    {
        if (neurons < 1 || neurons > 64)
        {
            throw new IllegalArgumentException("dense-core has 1..64 neurons (--neurons), got " + neurons);
        }
        this.neurons = neurons;
        this.cycles = Math.round(durationMs / 0.1);
        if (cycles < 1 || cycles > 65535)
        {
            throw new IllegalArgumentException("dense-core runs 1..65535 bitstream cycles of 0.1 ms (--duration-ms "
                + "0.1..6553.5), got " + durationMs + " ms");
        }
        this.seed = seed;
        final SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < INPUTS; i++)
        {
            x[i] = r.nextInt(65536);
            w[i] = r.nextInt(65536);
        }
    }

    @Override
    public String name()
    {
        return "dense-core";
    }

    @Override
    public Map<String, Object> params()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", "dense-core");
        m.put("inputs", INPUTS);
        m.put("neurons", neurons);
        m.put("cycles", cycles);
        m.put("seed", seed);
        return m;
    }

    @Override
    public FaultBench newBench()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 1, 0);
        final DenseLayerNetlist core = DenseLayerNetlist.add(b, "core0", clk, INPUTS, neurons, LifParams.Q8_8);
        final Design d = b.build();
        final Kernel k = new Kernel(d);
        for (int i = 0; i < INPUTS; i++)
        {
            k.poke(core.x(i), x[i]);
            k.poke(core.w(i), w[i]);
        }
        k.poke(core.net("y_min"), 0);
        k.poke(core.net("y_max"), 600);
        k.poke(core.net("leak_k"), 16);
        k.poke(core.net("gain_k"), 256);
        k.poke(core.net("stream_len"), cycles);
        k.poke(core.net("start_pulse"), 1);
        final int spikes = d.signal(core.net("spikes"));
        return new FaultBench()
        {
            private SpikeSink sink;
            private long done;

            @Override
            public Kernel kernel()
            {
                return k;
            }

            @Override
            public long cycles()
            {
                return cycles;
            }

            @Override
            public int neurons()
            {
                return neurons;
            }

            @Override
            public double msPerTimeUnit()
            {
                return 0.1;
            }

            @Override
            public double durationMs()
            {
                return cycles * 0.1;
            }

            @Override
            public void observe(final SpikeSink s)
            {
                sink = s;
            }

            @Override
            public void runTo(final long cycle)
            {
                // spike_out is a register: read it after every edge
                for (long c = Math.max(0, k.simulatedUpTo() + 1); c < cycle; c++)
                {
                    k.runUntil(c);
                    long bits = k.peek(spikes);
                    while (bits != 0 && sink != null)
                    {
                        sink.spike(c, Long.numberOfTrailingZeros(bits));
                        bits &= bits - 1;
                    }
                }
            }
        };
    }
}
