package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scfabric.hw.cosim.Stimuli;
import org.scfabric.hw.sc.LfsrTaps;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ClockedComponent;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.fault.Fault;

class EncoderComponentTest
{
    /** An encoder {@code enc} with primary inputs x_value (width w) and t_index. */
    static final class Bench
    {
        final Design design;
        final Kernel kernel;
        final Clock clk;
        final int x;
        final int t;
        final int bit;

        Bench(final ClockedComponent encoder, final int w)
        {
            final NetlistBuilder b = new NetlistBuilder();
            clk = b.clock("clk", 2, 0);
            b.input("x_value", w).input("t_index", 32);
            b.add("enc", encoder).clock(clk).connect("x_value", "x_value").connect("t_index", "t_index");
            design = b.build();
            kernel = new Kernel(design);
            x = design.signal("x_value");
            t = design.signal("t_index");
            bit = design.signal("enc.bit_out");
        }

        int clock(final int xValue)
        {
            kernel.poke(x, xValue);
            kernel.runCycles(clk, 1);
            return (int)kernel.peek(bit);
        }

        String bits(final int xValue, final int n)
        {
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.append(clock(xValue));
            }
            return sb.toString();
        }
    }

    @Test
    void seedAce1AtHalfScaleGivesTheGoldenFirst32Bits()
    {
        assertEquals("01010011000111100001101110101010", new Bench(new LfsrEncoder(0xACE1), 16).bits(0x8000, 32));
    }

    @Test
    void stateRegistersCarryTheVerilogNames()
    {
        final Bench b = new Bench(new LfsrEncoder(0xACE1), 16);
        assertEquals(0xACE1, b.kernel.peek("enc.lfsr"));
        assertEquals(1, b.kernel.peek("enc.fresh"));
        assertEquals("enc.lfsr[15]", b.design.faultSites().name(b.design.faultSites().select("enc.lfsr[*]")[15]));
        assertEquals(1, b.design.faultSites().select("enc.bit_out[0]").length);
        b.clock(0);
        assertEquals(0x59C3, b.kernel.peek("enc.lfsr"), "second state of the sequence in docs/spec/hardware.md §2");
        assertEquals(0, b.kernel.peek("enc.fresh"));
        final Bench sobol = new Bench(new SobolEncoder(3), 16);
        assertEquals(16, sobol.design.faultSites().select("enc.gen.pt[*]").length);
        assertEquals(16, sobol.design.faultSites().select("enc.gen.cnt[*]").length);
    }

    @Test
    void tIndexSeedsTheFirstEdgeAndIsIgnoredAfterIt()
    {
        final LfsrEncoder enc = new LfsrEncoder(0xACE1);
        final Bench b = new Bench(enc, 16);
        b.kernel.poke(b.t, 0x1234_0F0F);
        assertEquals(0xACE1 ^ 0x0F0F, enc.source(b.kernel.signals()));
        b.clock(0);
        final int after = enc.source(b.kernel.signals());
        b.kernel.poke(b.t, 77);
        assertEquals(after, enc.source(b.kernel.signals()));
    }

    /** A stuck-at-0 on bit_out from cycle c: the stream equals the golden one before c and is 0 from c on. */
    @Test
    void stuckAt0OnBitOutGivesAnAllZeroStream()
    {
        qt().withFixedSeed(0x5A0L).withExamples(40)
            .forAll(integers().between(1, 0xFFFF), integers().between(1, 0xFFFF), integers().between(0, 300))
            .checkAssert((seed, xValue, from) ->
            {
                final String golden = new Bench(new LfsrEncoder(seed), 16).bits(xValue, 2000);
                final Bench b = new Bench(new LfsrEncoder(seed), 16);
                final long site = b.design.faultSites().select("enc.bit_out[0]")[0];
                b.kernel.inject(Fault.stuckAt0(site, from));
                final String faulty = b.bits(xValue, 2000);
                assertEquals(golden.substring(0, from), faulty.substring(0, from), "before the fault");
                assertEquals("0".repeat(2000 - from), faulty.substring(from), "seed " + seed + ", x " + xValue);
                if (xValue > 100)
                {
                    assertTrue(golden.substring(from).contains("1"), "the golden stream has ones there");
                }
            });
        // the plain case, x = full scale, fault from the first edge
        final Bench b = new Bench(new LfsrEncoder(0xACE1), 16);
        b.kernel.inject(Fault.stuckAt0(b.design.faultSites().select("enc.bit_out[*]")[0], 0));
        assertEquals("0".repeat(65_535), b.bits(0xFFFF, 65_535));
    }

    record LfsrCase(int width, int taps, int seed, int tIndex, List<Integer> xs)
    {
    }

    static Gen<List<Integer>> xs(final int w)
    {
        // held values mixed with changing ones
        final Gen<List<Integer>> changing = Stimuli.segment(Stimuli.unsigned(w), 1, 20);
        final Gen<List<Integer>> held = Stimuli.unsigned(w).zip(integers().between(2, 50),
            (x, n) -> java.util.Collections.nCopies(n, x));
        return Stimuli.concat(changing.mix(held, 50), 15);
    }

    @Test
    void kernelLfsrEncoderEqualsTheModelOnEveryCycle()
    {
        final Gen<Integer> width = integers().between(3, 32).mix(arbitrary().pick(16), 40);
        qt().withFixedSeed(0xE1C0DEL).withExamples(120)
            .forAll(width.flatMap(w -> arbitrary().pick(0, 1).flatMap(ref -> Stimuli.unsigned(w).zip(
                integers().all(), xs(w), (seed, t, xs) -> new LfsrCase(w,
                    ref == 1 && w >= 6 ? LfsrTaps.reference(w) : LfsrTaps.maximal(w),
                    seed == 0 ? 1 : seed, t, xs)))))
            .checkAssert(c ->
            {
                final LfsrEncoder enc = new LfsrEncoder(c.width(), c.taps(), c.seed());
                final Bench b = new Bench(enc, c.width());
                final org.scfabric.hw.sc.LfsrEncoderModel ref = new org.scfabric.hw.sc.LfsrEncoderModel(c.width(), c.taps(), c.seed());
                ref.reset(c.tIndex());
                b.kernel.poke(b.t, c.tIndex());
                assertEquals(ref.source(), enc.source(b.kernel.signals()), "reset state");
                final java.util.SplittableRandom t = new java.util.SplittableRandom(c.tIndex());
                for (int k = 0; k < c.xs().size(); k++)
                {
                    final int xv = c.xs().get(k);
                    final int expected = ref.clock(xv);
                    assertEquals(expected, b.clock(xv), c + " cycle " + k + ": bit_out");
                    assertEquals(ref.source(), enc.source(b.kernel.signals()), "cycle " + k + ": lfsr");
                    b.kernel.poke(b.t, t.nextInt()); // t_index matters only until the first edge
                }
            });
    }

    record SobolCase(int dim, int tIndex, List<Integer> xs)
    {
    }

    @Test
    void kernelSobolEncoderEqualsTheModelOnEveryCycle()
    {
        qt().withFixedSeed(0x5080L).withExamples(80)
            .forAll(integers().between(1, 8).zip(integers().all(), xs(16), SobolCase::new))
            .checkAssert(c ->
            {
                final SobolEncoder enc = new SobolEncoder(c.dim());
                final Bench b = new Bench(enc, 16);
                final org.scfabric.hw.sc.SobolEncoderModel ref = new org.scfabric.hw.sc.SobolEncoderModel(c.dim());
                ref.reset(c.tIndex());
                b.kernel.poke(b.t, c.tIndex());
                for (int k = 0; k < c.xs().size(); k++)
                {
                    final int xv = c.xs().get(k);
                    assertEquals(ref.source(), enc.point(b.kernel.signals()), "cycle " + k + ": point");
                    assertEquals(ref.counter(), enc.counter(b.kernel.signals()), "cycle " + k + ": counter");
                    assertEquals(ref.clock(xv), b.clock(xv), c + " cycle " + k + ": bit_out");
                    b.kernel.poke(b.t, k * 7919);
                }
            });
    }

    @Test
    void sobolEncoderGivesExactlyXOnesOverAFullPeriod()
    {
        final Bench b = new Bench(new SobolEncoder(1), 16);
        int ones = 0;
        for (int i = 0; i < 65_536; i++)
        {
            ones += b.clock(12_345);
        }
        assertEquals(12_345, ones);
    }
}
