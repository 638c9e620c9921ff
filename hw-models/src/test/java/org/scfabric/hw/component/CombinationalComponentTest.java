package org.scfabric.hw.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.scfabric.hw.Bits;
import org.scfabric.hw.cosim.Stimuli;
import org.scfabric.hw.sc.PopcountToCurrent;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

class CombinationalComponentTest
{
    @Test
    void synapseIntoPopcountToCurrentEqualsThePureArithmetic()
    {
        qt().withFixedSeed(0xA4DL).withExamples(300)
            .forAll(integers().between(1, 64), longs().all(), longs().all(),
                Stimuli.signed(16, 0, 600, 256).zip(Stimuli.signed(16, 0, 600, 256), (a, b) -> new int[] {a, b}))
            .checkAssert((n, pre, w, y) ->
            {
                final NetlistBuilder b = new NetlistBuilder();
                b.input("pre", n).input("w", n).input("y_min", 16).input("y_max", 16);
                b.add("syn", new Synapse(n)).connect("pre", "pre").connect("w", "w").connect("post", "post");
                b.add("p2c", new DotProductToCurrent(n)).connect("bits", "post").connect("y_min", "y_min")
                    .connect("y_max", "y_max").connect("I_t", "I_t");
                final Design d = b.build();
                final Kernel k = new Kernel(d);
                k.poke("pre", pre);
                k.poke("w", w);
                k.poke("y_min", y[0]);
                k.poke("y_max", y[1]);
                final long m = n == 64 ? -1L : (1L << n) - 1;
                assertEquals(pre & w & m, k.peek("post"));
                assertEquals(PopcountToCurrent.current(Long.bitCount(pre & w & m), n, y[0], y[1]),
                    Bits.lowSigned(k.peek("I_t"), 16));
            });
    }

    @Test
    void specSection4Examples()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.input("bits", 3).input("y_min", 16).input("y_max", 16);
        b.add("p2c", new DotProductToCurrent(3)).connect("bits", "bits").connect("y_min", "y_min")
            .connect("y_max", "y_max").connect("I_t", "I_t");
        final Kernel k = new Kernel(b.build());
        k.poke("y_max", 256);
        k.poke("bits", 0b001);
        assertEquals(85, k.peek("I_t"));
        k.poke("bits", 0b110);
        assertEquals(170, k.peek("I_t"));
        k.poke("y_min", 256);
        k.poke("y_max", 0);
        k.poke("bits", 0b100);
        assertEquals(171, k.peek("I_t"), "the intended arithmetic, not the reference RTL's 22016");
    }

    @Test
    void concatGathersBitsInOrder()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final NetlistBuilder.Instance cat = b.add("cat", new Concat(3)).connect("out", "bus");
        for (int i = 0; i < 3; i++)
        {
            b.input("b" + i, 1);
            cat.connect(Concat.in(i), "b" + i);
        }
        b.add("one", new Constant(1, 1)).connect("y", "one");
        final Kernel k = new Kernel(b.build());
        k.poke("b0", 1);
        k.poke("b2", 1);
        assertEquals(0b101, k.peek("bus"));
        assertEquals(1, k.peek("one"));
    }
}
