package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.cosim.Stimuli;
import org.scfabric.hw.lif.CubaLifCore;
import org.scfabric.hw.lif.CubaLifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.FaultSites;

class CubaLifNeuronTest
{
    /** One {@link CubaLifNeuron} named {@code cuba} on a kernel, inputs as primary inputs of the same names. */
    static final class Bench
    {
        final Design design;
        final Kernel kernel;
        final Clock clk;
        final int[] in = new int[5];
        final int spikeOut;
        final int vOut;
        final int iOut;
        final int v;
        final int i;

        Bench(final CubaLifParams p)
        {
            final NetlistBuilder b = new NetlistBuilder();
            clk = b.clock("clk", 10, 5);
            final int w = p.dataWidth();
            final String[] names = {"k_syn", "k_mem", "w_in", "r_k", "I_t"};
            for (final String n : names)
            {
                b.input(n, w);
            }
            b.add("cuba", new CubaLifNeuron(p)).clock(clk).connect("k_syn", "k_syn").connect("k_mem", "k_mem")
                .connect("w_in", "w_in").connect("r_k", "r_k").connect("I_t", "I_t");
            design = b.build();
            kernel = new Kernel(design);
            for (int k = 0; k < names.length; k++)
            {
                in[k] = design.signal(names[k]);
            }
            spikeOut = design.signal("cuba.spike_out");
            vOut = design.signal("cuba.v_out");
            iOut = design.signal("cuba.i_out");
            v = design.signal("cuba.v");
            i = design.signal("cuba.i");
        }

        int clock(final int kSyn, final int kMem, final int wIn, final int r, final int current)
        {
            kernel.poke(in[0], kSyn);
            kernel.poke(in[1], kMem);
            kernel.poke(in[2], wIn);
            kernel.poke(in[3], r);
            kernel.poke(in[4], current);
            kernel.runCycles(clk, 1);
            return (int)kernel.peek(spikeOut);
        }

        int signed(final int signal)
        {
            return (int)kernel.signals().getSigned(signal);
        }
    }

    @Test
    void goldenTraceOnTheKernel()
    {
        // the hand-computed trace of CubaLifCoreTest: strict threshold at 256, i survives the resets
        final Bench b = new Bench(CubaLifParams.Q8_8);
        final StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 7; k++)
        {
            final int s = b.clock(128, 128, 512, 256, 256);
            sb.append(k == 0 ? "" : " ").append(s).append(',').append(b.signed(b.vOut)).append(',').append(b.signed(b.iOut));
        }
        assertEquals("0,128,256 0,256,384 1,0,448 0,240,480 1,0,496 0,252,504 1,0,508", sb.toString());
    }

    @Test
    void everyStateBitIsANamedFaultSite()
    {
        final Bench b = new Bench(CubaLifParams.Q16_12);
        final FaultSites sites = b.design.faultSites();
        assertEquals(32, sites.select("cuba.v[*]").length);
        assertEquals(32, sites.select("cuba.i[*]").length);
        assertEquals(1, sites.select("cuba.spike_out[0]").length);
        assertEquals(32, sites.select("cuba.i_out[*]").length);
        assertEquals("cuba.i[31]", sites.name(sites.signalBit(b.i, 31)));
    }

    @Test
    void aSettledNeuronIsSkippedAndWakesWhenAnInputChanges()
    {
        final Bench b = new Bench(CubaLifParams.Q8_8);
        final CubaLifCore ref = new CubaLifCore(CubaLifParams.Q8_8);
        for (int k = 0; k < 1000; k++)
        {
            assertEquals(ref.clock(64, 64, 256, 256, 100), b.clock(64, 64, 256, 256, 100));
            assertEquals(ref.vOut(), b.signed(b.vOut), "cycle " + k);
            assertEquals(ref.iOut(), b.signed(b.iOut), "cycle " + k);
        }
        assertEquals(1000, b.kernel.cycles(b.clk));
        assertTrue(b.kernel.evaluatedEdges() < 200, "settled edges skipped: " + b.kernel.evaluatedEdges());
        for (int k = 0; k < 20; k++)
        {
            assertEquals(ref.clock(64, 64, 256, 256, 400), b.clock(64, 64, 256, 256, 400));
            assertEquals(ref.vOut(), b.signed(b.vOut));
        }
    }

    record Case(CubaLifParams p, List<int[]> lines)
    {
        @Override
        public String toString()
        {
            return p + ", " + lines.size() + " cycles";
        }
    }

    static Gen<CubaLifParams> params()
    {
        final Gen<Integer> width = arbitrary().pick(16, 32, 16, 32, 8, 12, 24);
        return width.flatMap(w -> integers().between(0, w - 1).flatMap(f ->
        {
            final int one = 1 << Math.min(f, w - 2);
            final Gen<Integer> volt = Stimuli.signed(w, 0, one, -one);
            return volt.zip(volt, Stimuli.signed(w, one, 2 * one, 1, 0), (leak, reset, th) ->
                new CubaLifParams(w, f, leak, reset, th));
        }));
    }

    /** Wild lines, held lines (so the neuron may settle and be skipped) and neuron-like segments. */
    static Gen<List<int[]>> stimulus(final CubaLifParams p)
    {
        final int w = p.dataWidth();
        final int one = 1 << Math.min(p.fraction(), w - 2);
        final int th = p.vThreshold();
        final Gen<int[]> wild = Stimuli.signed(w, one).zip(Stimuli.signed(w, one), Stimuli.signed(w, one),
            Stimuli.signed(w, one), Stimuli.signed(w, th, th - 1, th + 1), (ks, km, wi, r, i) -> new int[] {ks, km, wi, r, i});
        final Gen<List<int[]>> wildSeg = Stimuli.segment(wild, 1, 30);
        final Gen<List<int[]>> held = wild.zip(integers().between(2, 60), (line, n) ->
        {
            final List<int[]> l = new ArrayList<>();
            for (int k = 0; k < n; k++)
            {
                l.add(line);
            }
            return l;
        });
        final Gen<Integer> k = integers().between(0, one).mix(arbitrary().pick(0, one / 4, one), 30);
        final int lim = (int)Math.min(2L * Math.abs((long)th) + one, (1L << Math.min(w - 1, 30)) - 1);
        final Gen<Integer> current = integers().between(-lim, lim).mix(arbitrary().pick(0, th), 30);
        final Gen<List<int[]>> neuron = k.zip(k, integers().between(10, 60), (ks, km, n) -> new int[] {ks, km, n})
            .flatMap(c -> Stimuli.segment(current.map(i -> new int[] {c[0], c[1], one, one, i}), c[2], c[2]));
        return Stimuli.concat(wildSeg.mix(held, 40).mix(neuron, 40), 12);
    }

    @Test
    void kernelCubaLifEqualsCubaLifCoreOnEveryCycle()
    {
        final int[] spikes = {0};
        final long[] skipped = {0};
        qt().withFixedSeed(0xC0BA_C0DEL).withExamples(150)
            .forAll(params().flatMap(p -> stimulus(p).map(lines -> new Case(p, lines))))
            .checkAssert(c ->
            {
                final Bench b = new Bench(c.p());
                final CubaLifCore ref = new CubaLifCore(c.p());
                for (int n = 0; n < c.lines().size(); n++)
                {
                    final int[] s = c.lines().get(n);
                    final int spike = ref.clock(s[0], s[1], s[2], s[3], s[4]);
                    final String at = c + ", cycle " + n;
                    assertEquals(spike, b.clock(s[0], s[1], s[2], s[3], s[4]), at + ": spike_out");
                    spikes[0] += spike;
                    assertEquals(ref.vOut(), b.signed(b.vOut), at + ": v_out");
                    assertEquals(ref.iOut(), b.signed(b.iOut), at + ": i_out");
                    assertEquals(ref.v(), b.signed(b.v), at + ": v");
                    assertEquals(ref.i(), b.signed(b.i), at + ": i");
                }
                skipped[0] += b.kernel.cycles(b.clk) - b.kernel.evaluatedEdges();
            });
        assertTrue(spikes[0] > 500, "stimulus too tame: spikes " + spikes[0]);
        assertTrue(skipped[0] > 50, "some settled edges were skipped: " + skipped[0]);
    }
}
