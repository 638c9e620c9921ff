package org.scfabric.bench.brunel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.scfabric.hw.area.Area;
import org.scfabric.sim.Clock;
import org.scfabric.sim.ComponentStates;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

/**
 * The Brunel network in one or more variants as one kernel design: a base clock {@code clk}
 * (one tick per hardware cycle), the drive registers {@code drive.ext[j]}, and each variant's
 * components. A single variant's instances carry their plain names ({@code core0.lif[12].v});
 * variants simulated together are prefixed with their name ({@code v3.core0.lif[12].v}) and all read
 * the same drive registers, so they see identical stimulus, step for step.
 *
 * <p>A network step lasts as many cycles as the slowest variant needs ({@link #period()}); each
 * variant reports its own cycles ({@link #cycles}). The design is a factory product: build it once,
 * then run it in as many kernels as needed, one at a time ({@link #newKernel}, {@link #run}); with a
 * {@link RecordedDrive} its kernels also support snapshots (fault campaigns).
 *
 * <pre>{@code
 * BrunelNetwork net = BrunelNetwork.of(BrunelParams.ofSize(1000));
 * BrunelDesign d = BrunelDesign.of(net, net.recordedDrive(), List.of(Variant.V3));
 * Kernel k = d.newKernel();
 * d.run(k, f -> { });
 * int spikes = d.raster(Variant.V3).count();
 * }</pre>
 */
public final class BrunelDesign implements AutoCloseable
{
    /** Instance name of the drive registers. */
    public static final String DRIVE = "drive";

    private final BrunelNetwork net;
    private final List<Part> parts;
    private final Design design;
    private final Clock clk;
    private final long period;
    private final int steps;
    private final DriveStream drive;
    /** The initial software state of every stateful component, put back in each new kernel. */
    private final ComponentStates pristine;

    private BrunelDesign(final BrunelNetwork net, final List<Part> parts, final DriveStream drive)
    {
        this.net = net;
        this.parts = parts;
        this.drive = drive;
        long p = 1;
        int st = -1;
        for (final Part part : parts)
        {
            p = Math.max(p, part.clocksPerStep());
            if (st >= 0 && part.steps() != st)
            {
                throw new IllegalArgumentException(part.variant + " runs " + part.steps() + " steps, "
                    + parts.get(0).variant + " " + st + ": variants of one design must share the step");
            }
            st = part.steps();
        }
        this.period = p;
        this.steps = st;
        final boolean needsDrive = parts.stream().anyMatch(x -> x.driveInputs() > 0);
        if (needsDrive)
        {
            if (drive == null)
            {
                throw new IllegalArgumentException("the variants read the external drive; give a drive stream");
            }
            final int needed = parts.stream().mapToInt(Part::driveInputs).max().orElse(0);
            if (drive.size() < needed || drive.steps() < steps)
            {
                throw new IllegalArgumentException("the drive has " + drive.size() + " neurons × " + drive.steps()
                    + " steps; the variants need " + needed + " × " + steps);
            }
            final double lam = parts.stream().filter(x -> x.driveInputs() > 0).findFirst().orElseThrow().driveLambda();
            for (final Part part : parts)
            {
                if (part.driveInputs() > 0 && part.driveLambda() != lam)
                {
                    throw new IllegalArgumentException(part.variant + " needs a drive of λ = " + part.driveLambda()
                        + " kicks per step, the others λ = " + lam + ": simulate it on its own");
                }
            }
        }
        final NetlistBuilder b = new NetlistBuilder();
        clk = b.clock("clk", 1, 0);
        final DesignContext ctx = new DesignContext(b, clk, period);
        if (needsDrive)
        {
            b.add(DRIVE, new DriveSource(drive)).clock(ctx.at(0));
        }
        for (int k = 0; k < parts.size(); k++)
        {
            final Part part = parts.get(k);
            ctx.enter(parts.size() == 1 ? "" : part.variant.name().toLowerCase(Locale.ROOT) + ".", k);
            part.build(ctx);
        }
        design = b.build();
        ctx.references().forEach(r -> r.resolve(design));
        pristine = ComponentStates.save(design);
    }

    /**
     * The design of {@code variants} on network {@code net}, all reading {@code drive} (which must
     * cover the variants' steps and neurons; see {@link #driveFor}).
     */
    public static BrunelDesign of(final BrunelNetwork net, final DriveStream drive, final List<Variant> variants)
    {
        if (variants.isEmpty())
        {
            throw new IllegalArgumentException("no variant to build");
        }
        final List<Part> parts = new ArrayList<>();
        for (final Variant v : variants)
        {
            if (parts.stream().anyMatch(p -> p.variant == v))
            {
                throw new IllegalArgumentException(v + " is listed twice");
            }
            parts.add(Parts.of(v, net));
        }
        return new BrunelDesign(net, parts, drive);
    }

    /** A design of given parts (tests, hand-made variants). */
    static BrunelDesign ofParts(final BrunelNetwork net, final DriveStream drive, final List<Part> parts)
    {
        return new BrunelDesign(net, parts, drive);
    }

    /**
     * A live drive (drawn ahead on a helper thread when {@code prefetch}) matching what
     * {@code variant} reads: the network's λ and steps, except V5, whose steps are 0.25 ms; null for
     * a variant without drive (V2, V17).
     */
    public static DriveStream driveFor(final BrunelNetwork net, final Variant variant, final boolean prefetch)
    {
        return driveFor(net, List.of(variant), prefetch);
    }

    /** The drive of the first of {@code variants} that reads one (null if none does). */
    public static DriveStream driveFor(final BrunelNetwork net, final List<Variant> variants, final boolean prefetch)
    {
        Part part = null;
        for (final Variant v : variants)
        {
            final Part p = Parts.of(v, net);
            if (p.driveInputs() > 0)
            {
                part = p;
                break;
            }
        }
        if (part == null)
        {
            return null;
        }
        final int n = net.size();
        return prefetch ? new PrefetchDrive(net.driveBits(), part.driveLambda(), n, part.steps())
            : new LiveDrive(net.driveBits(), part.driveLambda(), n, part.steps());
    }

    /**
     * A fresh kernel of this design: registers at their reset values, memories loaded, the
     * components' software state (float membranes, rasters, stream positions) back at the start.
     * Run one kernel of a design at a time.
     */
    public Kernel newKernel()
    {
        pristine.restore();
        final Kernel k = new Kernel(design);
        for (final Part p : parts)
        {
            p.initialize(k);
        }
        return k;
    }

    /** Simulates every remaining step in {@code k}, reporting the fraction done about 200 times. */
    public void run(final Kernel k, final DoubleConsumer progress)
    {
        final int chunk = Math.max(1, steps / 200);
        int done = (int)((k.simulatedUpTo() + 1) / period);
        while (done < steps)
        {
            done = Math.min(steps, done + chunk);
            k.runUntil(done * period - 1);
            progress.accept((double)done / steps);
        }
    }

    /** Simulates up to and including step {@code step} (for snapshots mid-run). */
    public void runTo(final Kernel k, final int step)
    {
        k.runUntil((step + 1) * period - 1);
    }

    public Design design()
    {
        return design;
    }

    public BrunelNetwork network()
    {
        return net;
    }

    /** The base clock: one edge per hardware cycle (fault cycles count its edges). */
    public Clock clock()
    {
        return clk;
    }

    /** Hardware cycles per network step of the design (the slowest variant's). */
    public long period()
    {
        return period;
    }

    public int steps()
    {
        return steps;
    }

    public List<Variant> variants()
    {
        final List<Variant> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.variant));
        return Collections.unmodifiableList(out);
    }

    /** The instance-name prefix of a variant's components ("" when it is alone in the design). */
    public String prefix(final Variant v)
    {
        return parts.size() == 1 ? "" : v.name().toLowerCase(Locale.ROOT) + ".";
    }

    /** The bus source id (population) of a variant's spikes. */
    public int population(final Variant v)
    {
        return parts.indexOf(part(v));
    }

    /** The spikes a variant produced so far in the current kernel. */
    public SpikeRaster raster(final Variant v)
    {
        return part(v).raster;
    }

    /**
     * The steps of a variant's spikes in steps of the network's dt (V5 steps 0.25 ms: its spikes are
     * reported at the dt step holding them), exactly {@code raster(v).count()} long.
     */
    public int[] spikeSteps(final Variant v)
    {
        final Part p = part(v);
        final int[] s = p.raster.steps();
        for (int i = 0; i < s.length; i++)
        {
            s[i] = p.reportStep(s[i]);
        }
        return s;
    }

    /** Neurons a variant reports spikes of (rates are per neuron). */
    public int neurons(final Variant v)
    {
        return part(v).neurons();
    }

    /** Clock cycles of the variant's own hardware for the whole run. */
    public long cycles(final Variant v)
    {
        return part(v).cycles();
    }

    /** Clock cycles per step of the variant's own hardware. */
    public int clocksPerStep(final Variant v)
    {
        return part(v).clocksPerStep();
    }

    /** Area estimate of a hardware variant, null for software. */
    public Area area(final Variant v)
    {
        return part(v).area();
    }

    /** The parameters of a variant's LIF cores (V3, V11), or null for a variant without them. */
    public org.scfabric.hw.lif.LifParams lifParams(final Variant v)
    {
        return part(v).lifParams();
    }

    /** Variant-specific figures after a run. */
    public Map<String, Double> extras(final Variant v)
    {
        return part(v).extras();
    }

    /** The drive stream the design reads (null if no variant reads one). */
    public DriveStream drive()
    {
        return drive;
    }

    private Part part(final Variant v)
    {
        for (final Part p : parts)
        {
            if (p.variant == v)
            {
                return p;
            }
        }
        throw new IllegalArgumentException(v + " is not in this design (it has " + variants() + ")");
    }

    /** Stops helper threads of the variants and of the drive. */
    @Override
    public void close()
    {
        parts.forEach(Part::close);
        if (drive != null)
        {
            drive.close();
        }
    }
}
