package org.scfabric.bench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.scfabric.hw.component.LfsrEncoder;
import org.scfabric.hw.component.LifNeuron;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scfabric vectors}: golden vectors from the bit-true components, run on the kernel, for a
 * hardware test bench. {@code lif} follows the reference test-bench convention of docs/spec/hardware.md §1:
 * one stimulus line per clock, one output line per clock sampled just after that clock's edge
 * (reset is held for two cycles before the first line and prints nothing).
 */
@Command(name = "vectors", mixinStandardHelpOptions = true,
    description = "Golden vectors from the bit-true models for a hardware test bench.",
    subcommands = {VectorsCommand.Lif.class, VectorsCommand.Encoder.class})
public final class VectorsCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "which vectors? give 'lif' or 'encoder'");
    }

    /** {@code vectors lif}: a {@code sc_lif_neuron} driven line by line from a stimulus file. */
    @Command(name = "lif", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run sc_lif_neuron on a stimulus file; print 'spike v_out' per line.",
            "One output line (decimal) per stimulus line, sampled just after that line's clock edge: the "
                + "reference test-bench convention, reset held for two cycles first, the first line is the first "
                + "edge after reset."},
        footer = {"", "Stimulus file: one line per clock, 'leak_k gain_k I_t noise_in' in decimal, each a signed "
            + "W-bit value; blank lines and '#' comments are allowed.",
            "", "Example: scfabric vectors lif --stimuli stim.txt --refractory 2"})
    public static final class Lif implements Callable<Integer>
    {
        @Option(names = "--stimuli", required = true, paramLabel = "FILE", description = "stimulus file")
        String stimuli;

        @Option(names = "--refractory", paramLabel = "R", defaultValue = "0",
            description = "REFRACTORY_PERIOD in cycles (default: ${DEFAULT-VALUE})")
        int refractory;

        @Option(names = "--v-th", paramLabel = "N",
            description = "V_THRESHOLD (default: 1.0, i.e. 256 for W 16, 4096 for W 32)")
        Integer vTh;

        @Option(names = "--v-reset", paramLabel = "N", description = "V_RESET (default: 0)")
        Integer vReset;

        @Option(names = "--v-rest", paramLabel = "N", description = "V_REST (default: 0)")
        Integer vRest;

        @Option(names = "--width", paramLabel = "16|32", defaultValue = "16",
            description = "DATA_WIDTH: 16 (Q8.8) or 32 (Q16.12) (default: ${DEFAULT-VALUE})")
        int width;

        @Option(names = "--fraction", paramLabel = "F",
            description = "FRACTION bits (default: 8 for W 16, 12 for W 32)")
        Integer fraction;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        LifParams params()
        {
            if (width != 16 && width != 32)
            {
                throw new BadInputException("--width must be 16 or 32, got " + width);
            }
            final LifParams base = width == 16 ? LifParams.Q8_8 : LifParams.Q16_12;
            final int f = OptionValues.lifFraction(fraction == null ? base.fraction() : fraction, width);
            if (refractory < 0)
            {
                throw new BadInputException("--refractory must be >= 0, got " + refractory);
            }
            final long one = 1L << Math.min(f, width - 1);
            final long th = vTh != null ? vTh : Math.min(one, (1L << (width - 1)) - 1);
            checkVoltage("--v-th", th);
            checkVoltage("--v-reset", vReset == null ? 0 : vReset);
            checkVoltage("--v-rest", vRest == null ? 0 : vRest);
            return new LifParams(width, f, vRest == null ? 0 : vRest, vReset == null ? 0 : vReset, (int)th, refractory);
        }

        private void checkVoltage(final String option, final long value)
        {
            final long min = -(1L << (width - 1));
            final long max = (1L << (width - 1)) - 1;
            if (value < min || value > max)
            {
                throw new BadInputException(option + " " + value + " does not fit signed " + width + " bits ("
                    + min + ".." + max + ")");
            }
        }

        @Override
        public Integer call() throws IOException
        {
            final LifParams p = params();
            final int[] lines = readStimuli(stimuli, p.dataWidth());
            final PrintWriter out = spec.commandLine().getOut();
            final NetlistBuilder b = new NetlistBuilder();
            final Clock clk = b.clock("clk", 10, 5);
            final int w = p.dataWidth();
            b.input("leak_k", w).input("gain_k", w).input("I_t", w).input("noise_in", w);
            b.add("lif", new LifNeuron(p)).clock(clk).connect("leak_k", "leak_k").connect("gain_k", "gain_k")
                .connect("I_t", "I_t").connect("noise_in", "noise_in");
            final Design d = b.build();
            final Kernel k = new Kernel(d);
            final int[] in = {d.signal("leak_k"), d.signal("gain_k"), d.signal("I_t"), d.signal("noise_in")};
            final int spike = d.signal("lif.spike_out");
            final int vOut = d.signal("lif.v_out");
            final StringBuilder sb = new StringBuilder(1 << 16);
            for (int i = 0; i < lines.length; i += 4)
            {
                for (int f = 0; f < 4; f++)
                {
                    k.poke(in[f], lines[i + f]);
                }
                k.runCycles(clk, 1);
                sb.append(k.peek(spike)).append(' ').append(k.signals().getSigned(vOut)).append('\n');
                if (sb.length() > 60_000)
                {
                    out.print(sb);
                    sb.setLength(0);
                }
            }
            out.print(sb);
            out.flush();
            return 0;
        }
    }

    /**
     * Reads a stimulus file whole (so a bad line is reported before anything is printed): four
     * signed {@code width}-bit decimal integers per line, flattened.
     */
    static int[] readStimuli(final String file, final int width) throws IOException
    {
        final Path path = readableFile(file, "--stimuli");
        final long min = -(1L << (width - 1));
        final long max = (1L << (width - 1)) - 1;
        final String accepted = "expected 4 decimal integers 'leak_k gain_k I_t noise_in', each signed " + width
            + "-bit (" + min + ".." + max + "); blank lines and # comments are allowed";
        final String[] names = {"leak_k", "gain_k", "I_t", "noise_in"};
        int[] values = new int[4 * 1024];
        int n = 0;
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8))
        {
            String line;
            while ((line = r.readLine()) != null)
            {
                lineNo++;
                final int hash = line.indexOf('#');
                final String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.isEmpty())
                {
                    continue;
                }
                final String[] fields = text.split("\\s+");
                if (fields.length != 4)
                {
                    throw new BadInputException(file + " line " + lineNo + ": found " + fields.length + " field"
                        + (fields.length == 1 ? "" : "s") + " in '" + shorten(text) + "'; " + accepted);
                }
                if (n + 4 > values.length)
                {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                for (int f = 0; f < 4; f++)
                {
                    final long v;
                    try
                    {
                        v = Long.parseLong(fields[f]);
                    }
                    catch (final NumberFormatException e)
                    {
                        // a decimal integer too long for a long is out of range, not "not an integer"
                        final String why = fields[f].matches("[+-]?\\d+") ? " is out of range"
                            : "' is not a decimal integer";
                        throw new BadInputException(file + " line " + lineNo + ": " + names[f] + " "
                            + (why.startsWith("'") ? "'" : "") + shorten(fields[f]) + why + "; " + accepted);
                    }
                    if (v < min || v > max)
                    {
                        throw new BadInputException(file + " line " + lineNo + ": " + names[f] + " " + v
                            + " is out of range; " + accepted);
                    }
                    values[n++] = (int)v;
                }
            }
        }
        catch (final CharacterCodingException e)
        {
            throw new BadInputException(file + " line " + (lineNo + 1) + ": not UTF-8 / ASCII text; " + accepted);
        }
        if (n == 0)
        {
            // no clock to run: an exit 0 with no output would look like a neuron that printed nothing
            throw new BadInputException(file + " has no stimulus line" + (lineNo == 0 ? " (it is empty)"
                : " (only blank lines and comments)") + "; " + accepted);
        }
        return Arrays.copyOf(values, n);
    }

    private static String shorten(final String s)
    {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** A regular, readable file, or a {@link BadInputException} saying what it is instead. */
    static Path readableFile(final String file, final String option)
    {
        final Path path;
        try
        {
            path = Path.of(file);
        }
        catch (final InvalidPathException e)
        {
            throw new BadInputException(option + " '" + file + "' is not a valid path (" + e.getReason() + ")");
        }
        if (!Files.exists(path))
        {
            throw new BadInputException(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(path))
        {
            throw new BadInputException(option + " " + file + " is not a file (a folder or a device?)");
        }
        if (!Files.isReadable(path))
        {
            throw new BadInputException(option + " " + file + " is not readable (permission denied)");
        }
        return path;
    }

    /** {@code vectors encoder}: the bit stream of one {@code sc_bitstream_encoder}. */
    @Command(name = "encoder", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the bit stream of sc_bitstream_encoder, one bit per line.",
            "16-bit LFSR (x^16 + x^14 + x^13 + x^11 + 1) and a registered comparator: bit_out after each clock edge."},
        footer = {"", "Example: scfabric vectors encoder --seed ACE1 --x 32768 --cycles 32"})
    public static final class Encoder implements Callable<Integer>
    {
        @Option(names = "--seed", required = true, paramLabel = "HEX",
            description = "SEED_INIT in hex, 1..FFFF (0x prefix optional)")
        String seed;

        @Option(names = "--x", required = true, paramLabel = "N",
            description = "x_value, unsigned 0..65535 (a probability, full scale 65535; 0x.. for hex)")
        String x;

        @Option(names = "--cycles", required = true, paramLabel = "N", description = "number of clock edges, >= 1")
        String cycles;

        @Option(names = "--t-index", paramLabel = "N", defaultValue = "0",
            description = "t_index, 0..4294967295; the reset state is SEED_INIT ^ t_index[15:0] (default: ${DEFAULT-VALUE})")
        String tIndex;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            final long s = parseHex("--seed", seed, 1, 0xFFFF, "hex 1..FFFF, e.g. ACE1");
            final long xv = parse("--x", x, 0, 0xFFFF, "0..65535");
            final long n = parse("--cycles", cycles, 1, Integer.MAX_VALUE, "1.." + Integer.MAX_VALUE);
            final long t = parse("--t-index", tIndex, 0, 0xFFFF_FFFFL, "0..4294967295");
            final NetlistBuilder b = new NetlistBuilder();
            final Clock clk = b.clock("clk", 10, 5);
            b.input("x_value", 16).input("t_index", 32);
            b.add("enc", new LfsrEncoder((int)s)).clock(clk).connect("x_value", "x_value").connect("t_index", "t_index");
            final Design d = b.build();
            final Kernel k = new Kernel(d);
            k.poke("x_value", xv);
            k.poke("t_index", t);
            final int bit = d.signal("enc.bit_out");
            final PrintWriter out = spec.commandLine().getOut();
            final StringBuilder sb = new StringBuilder(1 << 16);
            for (long c = 0; c < n; c++)
            {
                k.runCycles(clk, 1);
                sb.append(k.peek(bit)).append('\n');
                if (sb.length() > 60_000)
                {
                    out.print(sb);
                    sb.setLength(0);
                }
            }
            out.print(sb);
            out.flush();
            return 0;
        }
    }

    /** Hex with or without 0x, within min..max. */
    static long parseHex(final String option, final String text, final long min, final long max, final String accepted)
    {
        final String t = text.strip();
        final String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0))
        {
            throw new BadInputException(option + " '" + text + "' is not a hex number (accepted: " + accepted + ")");
        }
        final long v = Long.parseLong(digits, 16);
        if (v < min || v > max)
        {
            throw new BadInputException(option + " " + text + " is out of range (accepted: " + accepted + ")");
        }
        return v;
    }

    /** Decimal, or hex with 0x, within min..max; otherwise a message naming the option and the range. */
    static long parse(final String option, final String text, final long min, final long max, final String accepted)
    {
        final String t = text.strip();
        long v;
        try
        {
            v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(option + " '" + text + "' is not a number (accepted: " + accepted + ")");
        }
        if (v < min || v > max)
        {
            throw new BadInputException(option + " " + text + " is out of range (accepted: " + accepted + ")");
        }
        return v;
    }
}
