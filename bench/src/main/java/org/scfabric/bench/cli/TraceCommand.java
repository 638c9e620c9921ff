package org.scfabric.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.scfabric.hw.component.DenseLayerNetlist;
import org.scfabric.hw.component.LfsrEncoder;
import org.scfabric.hw.component.LifNeuron;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;
import org.scfabric.sim.record.Recorder;
import org.scfabric.sim.record.VcdWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scfabric trace}: runs a small design on the kernel and writes a VCD of every port, net
 * and register through the kernel's {@link Recorder} and {@link VcdWriter}. The file is written
 * beside its name and moved into place at the end; a failed run leaves no file.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a small design on the kernel and write a VCD waveform.",
        "Every port, net and register is traced (GTKWave opens the file). Clock period 10 ns, first edge at 5 ns."},
    footer = {"", "Designs:",
        "  dense-core  sc_dense_layer_core, 3 inputs x 2 neurons, the golden inputs",
        "              of docs/spec/hardware.md section 5: x 60000,20000,40000;",
        "              w 30000,65535,50000; y 0..600; leak 16; gain 256;",
        "              stream_len 200; start_pulse on the first edge",
        "  lif         sc_lif_neuron Q8.8, refractory 2, leak 20, gain 256, I 200",
        "  encoder     sc_bitstream_encoder, seed ACE1, x 0x8000",
        "  fabric      the time-multiplexed fabric (rtl/fabric/sc_fabric.v): N 16, K 2",
        "              cores, FIFO depth 4, V3 neurons, random 20 %% fan-out; every",
        "              register of the controller, cores and router (docs/fabric.md)",
        "", "Example: scfabric trace --cycles 220 --out out/trace/dense-core.vcd"})
public final class TraceCommand implements Callable<Integer>
{
    static final long PERIOD = 10;
    static final int MAX_CYCLES = 1_000_000;

    @Option(names = "--design", paramLabel = "NAME", defaultValue = "dense-core",
        description = "dense-core, lif, encoder or fabric (default: ${DEFAULT-VALUE})")
    String design;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "210",
        description = "clock edges to simulate, 1.." + MAX_CYCLES + " (default: ${DEFAULT-VALUE})")
    String cycles;

    @Option(names = "--out", paramLabel = "FILE",
        description = "the VCD file (default: out/trace/<design>.vcd)")
    String out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A design ready to run: its kernel inputs are driven by {@link #drive} before each edge. */
    /** A design to trace, its clock, and what the test bench does before each edge. */
    record Bench(Design design, Clock clock, Driver driver)
    {
        void drive(final Kernel k, final long cycle)
        {
            driver.drive(k, cycle);
        }
    }

    /** Pokes or loads the design before edge {@code cycle}. */
    interface Driver
    {
        void drive(Kernel k, long cycle);
    }

    @Override
    public Integer call() throws IOException
    {
        final String name = design.strip().toLowerCase(Locale.ROOT);
        final long n = VectorsCommand.parse("--cycles", cycles, 1, MAX_CYCLES, "1.." + MAX_CYCLES);
        final Bench bench = switch (name)
        {
            case "dense-core" -> denseCore();
            case "lif" -> lif();
            case "encoder" -> encoder();
            case "fabric" -> fabric(n);
            default -> throw new BadInputException("--design '" + design
                + "' is unknown (accepted: dense-core, lif, encoder, fabric)");
        };
        final Path target = outputFile(out == null ? "out/trace/" + name + ".vcd" : out);
        final Design d = bench.design();
        final int[] all = new int[d.signalCount()];
        for (int s = 0; s < all.length; s++)
        {
            all[s] = s;
        }
        final Kernel k = new Kernel(d);
        final VcdWriter vcd;
        try
        {
            vcd = new VcdWriter(target, d, all, "1ns");
        }
        catch (final IOException e)
        {
            // the reason, not the name of the temporary file beside the user's
            throw new BadInputException("--out " + target + ": cannot write (" + Main.oneLine(StagedOutput.reason(e))
                + ")");
        }
        boolean ok = false;
        try (Recorder rec = new Recorder(1 << 14, vcd))
        {
            k.attach(rec);
            for (final int s : all)
            {
                k.probe(s);
            }
            for (long c = 0; c < n; c++)
            {
                bench.drive(k, c);
                k.runCycles(bench.clock(), 1);
            }
            ok = true;
        }
        finally
        {
            if (!ok)
            {
                Files.deleteIfExists(target);
            }
        }
        spec.commandLine().getOut().println("wrote " + target + ": " + all.length + " signals, " + n + " cycles of "
            + name + " (clock period " + PERIOD + " ns)");
        return 0;
    }

    /**
     * The VCD's path, checked before anything runs: not a folder, its folder creatable and writable.
     */
    static Path outputFile(final String file)
    {
        final Path path = OptionValues.filePath(file, "--out");
        if (Files.isDirectory(path))
        {
            throw new BadInputException("--out " + file + " is a folder (give a file name, e.g. " + file
                + "/trace.vcd)");
        }
        if (Files.exists(path) && !Files.isRegularFile(path))
        {
            throw new BadInputException("--out " + file + " exists and is not a regular file");
        }
        final Path parent = path.getParent();
        if (parent == null)
        {
            throw new BadInputException("--out " + file + " has no folder");
        }
        Path existing = parent;
        while (existing != null && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing))
        {
            throw new BadInputException("--out " + file + ": " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing))
        {
            throw new BadInputException("--out " + file + ": " + existing + " is not writable");
        }
        return path;
    }

    /** The golden inputs of docs/spec/hardware.md §5; start_pulse only on the first edge, so run_done shows after 200 cycles. */
    static Bench denseCore()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", PERIOD, PERIOD / 2);
        final DenseLayerNetlist core = DenseLayerNetlist.add(b, "core0", clk, 3, 2, LifParams.Q8_8);
        final Design d = b.build();
        final int[] x = {60_000, 20_000, 40_000};
        final int[] w = {30_000, 65_535, 50_000};
        // the core's input ports belong to the kernel, which exists only once the trace runs
        final DenseLayerNetlist.Io[] io = new DenseLayerNetlist.Io[1];
        return new Bench(d, clk, (k, cycle) ->
        {
            if (io[0] == null)
            {
                io[0] = core.io(k);
            }
            io[0].drive(cycle == 0, 200, x, w, 0, 600, 16, 256);
        });
    }

    /** The small fabric of {@link org.scfabric.bench.fabric.FabricTraceDesign}; it runs by itself. */
    static Bench fabric(final long cycles)
    {
        final org.scfabric.hw.fabric.Fabric f = org.scfabric.bench.fabric.FabricTraceDesign.create(PERIOD, PERIOD / 2,
            (int)Math.min(Integer.MAX_VALUE, cycles));
        return new Bench(f.design(), f.clock(), (k, cycle) ->
        {
            if (cycle == 0)
            {
                f.load(k.signals());
            }
        });
    }

    static Bench lif()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", PERIOD, PERIOD / 2);
        b.input("leak_k", 16).input("gain_k", 16).input("I_t", 16).input("noise_in", 16);
        b.add("lif", new LifNeuron(LifParams.Q8_8.withRefractory(2))).clock(clk).connect("leak_k", "leak_k")
            .connect("gain_k", "gain_k").connect("I_t", "I_t").connect("noise_in", "noise_in");
        return new Bench(b.build(), clk, (k, cycle) ->
        {
            k.poke("leak_k", 20);
            k.poke("gain_k", 256);
            k.poke("I_t", 200);
        });
    }

    static Bench encoder()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", PERIOD, PERIOD / 2);
        b.input("x_value", 16).input("t_index", 32);
        b.add("enc", new LfsrEncoder(0xACE1)).clock(clk).connect("x_value", "x_value").connect("t_index", "t_index");
        return new Bench(b.build(), clk, (k, cycle) -> k.poke("x_value", 0x8000));
    }
}
