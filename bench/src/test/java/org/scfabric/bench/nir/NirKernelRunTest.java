package org.scfabric.bench.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.net.Network;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.ArithmeticRun;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.ReferenceRun;
import org.scfabric.net.ref.Stimulus;
import org.scfabric.sim.EventBus;

class NirKernelRunTest
{
    private static Stimulus input()
    {
        return Stimulus.poisson(400, 1e-4, 3);
    }

    @Test
    void arithmeticsOnOneKernelGiveTheirOwnRunsAndPublishEverySpikeInStepOrder() throws Exception
    {
        final Network net = NirReader.read(FixedPointEngineTest.nir("braille_noDelay_bias_zero.nir"));
        final int steps = 300;
        final Options opt = Options.defaults();
        final ReferenceRun.Stepper f = new ReferenceRun.Stepper(net, input(), steps, opt, null);
        final FixedPointRun.Stepper q = new FixedPointRun.Stepper(net, input(), steps, opt, FixedFormat.Q8_8, null, null);
        final FixedPointRun.Stepper sc = new FixedPointRun.Stepper(net, input(), steps, opt, FixedFormat.Q8_8,
            new ScConfig(256, 42), null);
        final List<long[]> events = new ArrayList<>();
        NirKernelRun.run(List.of(f::step, q::step, sc::step), steps, (type, time, source, value) ->
        {
            assertEquals(EventBus.SPIKE, type);
            events.add(new long[] {time, source, value});
        });
        final List<ArithmeticRun> kernel = List.of(f.finish(), q.finish().run(), sc.finish().run());
        final List<ArithmeticRun> alone = List.of(ReferenceRun.run(net, input(), steps, opt),
            FixedPointRun.run(net, input(), steps, opt, FixedFormat.Q8_8).run(),
            FixedPointRun.run(net, input(), steps, opt, FixedFormat.Q8_8, new ScConfig(256, 42)).run());
        long lastTime = Long.MIN_VALUE;
        for (final long[] e : events)
        {
            assertTrue(e[0] >= lastTime, "the bus hears the steps in order");
            lastTime = e[0];
        }
        for (int a = 0; a < 3; a++)
        {
            final ArithmeticRun k = kernel.get(a);
            final ArithmeticRun s = alone.get(a);
            assertEquals(s.arith(), k.arith());
            assertEquals(s.spikeCounts(), k.spikeCounts());
            final ArithmeticRun.OutputTrain kt = k.outputs().get("output");
            final ArithmeticRun.OutputTrain st = s.outputs().get("output");
            assertArrayEquals(st.steps(), kt.steps());
            assertArrayEquals(st.indices(), kt.indices());
            // every output spike of this arithmetic is on the bus, at its step's edge, with its neuron
            final int source = a;
            final long[][] mine = events.stream().filter(e -> e[1] == source).toArray(long[][]::new);
            assertEquals(kt.size(), mine.length);
            for (int i = 0; i < mine.length; i++)
            {
                assertEquals(kt.indices()[i], (int)mine[i][2]);
                assertEquals(mine[0][0] + kt.steps()[i] - kt.steps()[0], mine[i][0], "one step per clock edge");
            }
            assertTrue(kt.size() > 0);
        }
    }
}
