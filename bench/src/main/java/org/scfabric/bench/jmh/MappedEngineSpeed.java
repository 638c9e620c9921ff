package org.scfabric.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.scfabric.bench.fabric.NirFabricRun;
import org.scfabric.bench.fabric.NirMapping;
import org.scfabric.bench.nir.FixedFormat;
import org.scfabric.hw.fabric.Fabric;
import org.scfabric.hw.fabric.FabricParams;
import org.scfabric.hw.fabric.FabricResult;
import org.scfabric.hw.fabric.MappedFabric;
import org.scfabric.hw.fabric.MappedResult;
import org.scfabric.net.nir.NirReader;
import org.scfabric.net.ref.Options;
import org.scfabric.net.ref.Stimulus;

/**
 * The general fabric's two engines side by side in one JVM: a NIR graph (Q8.8, Poisson input of 200 Hz,
 * seed 42) run alternately on the fast engine ({@link MappedFabric#run}) and on the kernel components
 * ({@link MappedFabric#runKernel}), each run timed in CPU time of the thread (not wall time: on a shared
 * machine the wall time says more about the other sessions than about the engines). The fast engine's time
 * includes building its arrays; the kernel's netlist and memory images are built before its timed run (and
 * their time printed), as both commands' {@code simulator} line times the run alone. Prints each round and
 * the medians.
 *
 * <pre>
 * java -cp bench/target/scfabric.jar org.scfabric.bench.jmh.MappedEngineSpeed FILE.nir STEPS CORES ROUNDS
 * </pre>
 */
public final class MappedEngineSpeed
{
    private MappedEngineSpeed()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        if (args.length != 4)
        {
            System.err.println("usage: MappedEngineSpeed FILE.nir STEPS CORES ROUNDS");
            System.exit(2);
        }
        final int steps = Integer.parseInt(args[1]);
        final int k = Integer.parseInt(args[2]);
        final int rounds = Integer.parseInt(args[3]);
        final NirMapping map = NirMapping.map(NirReader.read(Path.of(args[0])), new Options(1e-4,
            Options.Integrator.EULER, Options.Reset.ZERO), FixedFormat.Q8_8);
        final int[][] ev = NirFabricRun.events(Stimulus.poisson(200, 1e-4, 42), map.channels(), steps,
            FixedFormat.Q8_8);
        final MappedFabric mf = new MappedFabric(FabricParams.of(map.network().size(), k), map.network(),
            map.observed());
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        final double[] fast = new double[rounds];
        final double[] kern = new double[rounds];
        final double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            final long t0 = mx.getCurrentThreadCpuTime();
            final MappedResult f = mf.run(ev[0], ev[1], steps);
            final long t1 = mx.getCurrentThreadCpuTime();
            final Fabric kf = mf.kernel(ev[0], ev[1], steps);
            final long t2 = mx.getCurrentThreadCpuTime();
            final FabricResult g = kf.run();
            final long t3 = mx.getCurrentThreadCpuTime();
            if (f.fabric().totalCycles() != g.totalCycles())
            {
                throw new IllegalStateException("the engines disagree on the cycles: " + f.fabric().totalCycles()
                    + " against " + g.totalCycles());
            }
            fast[r] = f.fabric().totalCycles() / ((t1 - t0) / 1e9) / 1e6;
            kern[r] = g.totalCycles() / ((t3 - t2) / 1e9) / 1e6;
            ratio[r] = fast[r] / kern[r];
            System.out.printf(Locale.ROOT, "round %d: %d cycles; fast %.2f M cycles/s, kernel %.2f M cycles/s of CPU "
                + "(its netlist and memory images built in %.2f s before): kernel %.2fx slower%n", r + 1,
                g.totalCycles(), fast[r], kern[r], (t2 - t1) / 1e9, ratio[r]);
        }
        System.out.printf(Locale.ROOT, "median of %d rounds: fast %.2f, kernel %.2f M cycles/s of CPU; kernel %.2fx "
            + "slower (median of the rounds' ratios)%n", rounds, median(fast), median(kern), median(ratio));
    }

    private static double median(final double[] xs)
    {
        final double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
