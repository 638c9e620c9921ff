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
import org.scfabric.hw.Bits;
import org.scfabric.hw.cosim.Stimuli;
import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.fault.FaultSites;

class LifNeuronTest
{
    /** "spike,v" pairs of {@code n} edges with constant inputs. */
    static String trace(final LifBench b, final int leak, final int gain, final int current, final int n)
    {
        final StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++)
        {
            b.clock(leak, gain, current, 0);
            sb.append(k == 0 ? "" : " ").append('(').append(b.spike()).append(',').append(b.vOut()).append(')');
        }
        return sb.toString();
    }

    @Test
    void goldenTracesOfSpecSection1OnTheKernel()
    {
        final LifParams r2 = LifParams.Q8_8.withRefractory(2);
        assertEquals("(0,200) (1,0) (0,0) (0,0) (0,200) (1,0) (0,0) (0,0)", trace(new LifBench(r2), 20, 256, 200, 8));
        assertEquals("(0,128) (0,246) (1,0) (0,0) (0,0) (0,128) (0,246) (1,0)", trace(new LifBench(r2), 20, 256, 128, 8));
        assertEquals("(0,85) (0,164) (0,238) (1,0) (0,85) (0,164) (0,238) (1,0)",
            trace(new LifBench(LifParams.Q8_8), 16, 256, 85, 8));
        assertEquals("(0,6) (0,6) (0,6) (0,6)", trace(new LifBench(LifParams.Q8_8), 240, 16, 100, 4));
        assertEquals("(0,10) (0,21) (0,33) (0,47) (0,62) (0,79) (0,98) (0,120)",
            trace(new LifBench(LifParams.Q8_8), -32, 256, 10, 8));
    }

    @Test
    void leakDecaysAsymmetricallyFromPlusAndMinus100()
    {
        for (final int start : new int[] {100, -100})
        {
            final LifBench b = new LifBench(LifParams.Q8_8);
            b.clock(0, 256, start, 0); // load v = start through the input
            final StringBuilder sb = new StringBuilder().append(b.vOut());
            for (int k = 0; k < 5; k++)
            {
                b.clock(64, 0, 0, 0);
                sb.append(' ').append(b.vOut());
            }
            assertEquals(start > 0 ? "100 75 56 42 31 23" : "-100 -75 -57 -43 -33 -25", sb.toString());
        }
    }

    @Test
    void sumWrapsWithoutASpike()
    {
        final LifBench b = new LifBench(LifParams.Q8_8.withThreshold(32767));
        b.clock(0, 256, 32000, 0);
        assertEquals(32000, b.vOut());
        assertEquals(0, b.clock(0, 256, 1000, 0));
        assertEquals(-32536, b.vOut());
    }

    @Test
    void everyStateBitIsANamedFaultSite()
    {
        final LifBench b = new LifBench(LifParams.Q8_8);
        final FaultSites sites = b.design.faultSites();
        assertEquals(16, sites.select("lif.v[*]").length);
        assertEquals(32, sites.select("lif.rc[*]").length);
        assertEquals("lif.v[15]", sites.name(sites.signalBit(b.v, 15)));
        assertEquals(1, sites.select("lif.spike_out[0]").length);
        assertEquals(16, sites.select("lif.v_out[*]").length);
    }

    @Test
    void aRestingNeuronIsSkippedAndWakesWhenAnInputChanges()
    {
        final LifBench b = new LifBench(LifParams.Q8_8);
        final LifCore ref = new LifCore(LifParams.Q8_8);
        b.clock(64, 256, 100, 0);
        ref.clock(64, 256, 100, 0);
        for (int k = 0; k < 1000; k++)
        {
            b.clock(64, 256, 0, 0);
            ref.clock(64, 256, 0, 0);
            assertEquals(ref.vOut(), b.vOut(), "cycle " + k);
        }
        assertEquals(0, b.vOut(), "decayed to rest");
        assertEquals(1001, b.kernel.cycles(b.clk));
        assertTrue(b.kernel.evaluatedEdges() < 100, "idle edges skipped: " + b.kernel.evaluatedEdges());
        for (int k = 0; k < 10; k++)
        {
            assertEquals(ref.clock(64, 256, 150, 0), b.clock(64, 256, 150, 0));
            assertEquals(ref.vOut(), b.vOut());
        }
    }

    /** A case: parameters and lines {leak, gain, I, noise}. */
    record Case(LifParams p, List<int[]> lines)
    {
        @Override
        public String toString()
        {
            return p + ", " + lines.size() + " cycles";
        }
    }

    static Gen<LifParams> params()
    {
        final Gen<Integer> width = arbitrary().pick(16, 32, 16, 32, 8, 12, 24);
        return width.flatMap(w -> integers().between(0, Math.min(2 * w - 1, w == 32 ? 16 : w)).flatMap(f ->
        {
            final int one = 1 << Math.min(f, w - 2);
            final Gen<Integer> volt = Stimuli.signed(w, 0, one, -one);
            return volt.zip(volt, Stimuli.signed(w, one, 2 * one, 1, 0).map(th -> th), integers().between(0, 4),
                (rest, reset, th, r) -> new LifParams(w, f, rest, reset, th, r));
        }));
    }

    /** Wild lines, held lines (so the neuron may go quiet and be skipped) and neuron-like segments. */
    static Gen<List<int[]>> stimulus(final LifParams p)
    {
        final int w = p.dataWidth();
        final int one = 1 << Math.min(p.fraction(), w - 2);
        final int th = p.vThreshold();
        final Gen<int[]> wild = Stimuli.signed(w, one).zip(Stimuli.signed(w, one), Stimuli.signed(w, th, th - 1, th + 1),
            Stimuli.signed(w), (l, g, i, n) -> new int[] {l, g, i, n});
        final Gen<List<int[]>> wildSeg = Stimuli.segment(wild, 1, 30);
        final Gen<List<int[]>> held = wild.zip(integers().between(2, 40), (line, n) ->
        {
            final List<int[]> l = new ArrayList<>();
            for (int k = 0; k < n; k++)
            {
                l.add(line);
            }
            return l;
        });
        final Gen<Integer> leak = integers().between(0, one).mix(arbitrary().pick(0, one / 4, one), 30);
        final int lim = (int)Math.min(2 * Math.abs((long)th) + one, Bits.mask(Math.min(w - 1, 30)));
        final Gen<Integer> current = integers().between(-lim, lim).mix(arbitrary().pick(0, th), 30);
        final Gen<List<int[]>> neuron = leak.zip(integers().between(10, 60), (l, n) -> new int[] {l, n})
            .flatMap(ln -> Stimuli.segment(current.zip(integers().between(-2, 2).mix(arbitrary().pick(0), 60),
                (i, n) -> new int[] {ln[0], one, i, n}), ln[1], ln[1]));
        return Stimuli.concat(wildSeg.mix(held, 40).mix(neuron, 40), 12);
    }

    @Test
    void kernelLifEqualsLifCoreOnEveryCycle()
    {
        final int[] spikes = {0};
        final int[] refractory = {0};
        final long[] skipped = {0};
        qt().withFixedSeed(0x11F_C0DEL).withExamples(150)
            .forAll(params().flatMap(p -> stimulus(p).map(lines -> new Case(p, lines))))
            .checkAssert(c ->
            {
                final LifBench b = new LifBench(c.p());
                final LifCore ref = new LifCore(c.p());
                for (int k = 0; k < c.lines().size(); k++)
                {
                    final int[] s = c.lines().get(k);
                    refractory[0] += ref.rc() != 0 ? 1 : 0;
                    final int spike = ref.clock(s[0], s[1], s[2], s[3]);
                    b.clock(s[0], s[1], s[2], s[3]);
                    spikes[0] += spike;
                    final String at = c + ", cycle " + k;
                    assertEquals(spike, b.spike(), at + ": spike_out");
                    assertEquals(ref.vOut(), b.vOut(), at + ": v_out");
                    assertEquals(ref.v(), b.v(), at + ": v");
                    assertEquals(ref.rc(), (int)b.rc(), at + ": rc");
                }
                skipped[0] += b.kernel.cycles(b.clk) - b.kernel.evaluatedEdges();
            });
        assertTrue(spikes[0] > 500 && refractory[0] > 200, "stimulus too tame: spikes " + spikes[0] + ", refractory "
            + refractory[0]);
        assertTrue(skipped[0] > 50, "some idle edges were skipped: " + skipped[0]);
    }
}
