package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scfabric.bench.cli.Cli.assertBadInput;
import static org.scfabric.bench.cli.Cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.cli.Cli.Run;

class VectorsCommandTest
{
    @TempDir
    Path dir;

    private Path file(final String name, final String... lines) throws IOException
    {
        final Path p = dir.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.US_ASCII);
        return p;
    }

    /** {@code n} identical stimulus lines. */
    private Path constant(final String line, final int n) throws IOException
    {
        final String[] lines = new String[n];
        java.util.Arrays.fill(lines, line);
        return file("stim-" + line.replace(' ', '_') + ".txt", lines);
    }

    /** Output lines "spike v" joined as "(spike,v)" pairs. */
    private static String pairs(final String out)
    {
        final StringBuilder sb = new StringBuilder();
        for (final String l : out.strip().split("\n"))
        {
            final String[] f = l.split(" ");
            sb.append(sb.length() == 0 ? "" : " ").append('(').append(f[0]).append(',').append(f[1]).append(')');
        }
        return sb.toString();
    }

    @Test
    void goldenTracesOfSpecSection1() throws IOException
    {
        Run r = run("vectors", "lif", "--stimuli", constant("20 256 200 0", 8).toString(), "--refractory", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("(0,200) (1,0) (0,0) (0,0) (0,200) (1,0) (0,0) (0,0)", pairs(r.out()));
        r = run("vectors", "lif", "--stimuli", constant("20 256 128 0", 8).toString(), "--refractory", "2");
        assertEquals("(0,128) (0,246) (1,0) (0,0) (0,0) (0,128) (0,246) (1,0)", pairs(r.out()));
        r = run("vectors", "lif", "--stimuli", constant("16 256 85 0", 8).toString());
        assertEquals("(0,85) (0,164) (0,238) (1,0) (0,85) (0,164) (0,238) (1,0)", pairs(r.out()));
        r = run("vectors", "lif", "--stimuli", constant("240 16 100 0", 4).toString());
        assertEquals("(0,6) (0,6) (0,6) (0,6)", pairs(r.out()));
        r = run("vectors", "lif", "--stimuli", constant("-32 256 10 0", 8).toString());
        assertEquals("(0,10) (0,21) (0,33) (0,47) (0,62) (0,79) (0,98) (0,120)", pairs(r.out()));
    }

    @Test
    void commentsBlankLinesAndALoadedStartValue() throws IOException
    {
        final Path stim = file("decay.txt", "# load v = -100, then leak 64 with no input", "", "0 256 -100 0",
            "64 0 0 0   # 75", "64 0 0 0", "  64   0 0 0", "64 0 0 0", "64 0 0 0", "");
        final Run r = run("vectors", "lif", "--stimuli", stim.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("0 -100\n0 -75\n0 -57\n0 -43\n0 -33\n0 -25\n", r.out());
        final Path wrap = file("wrap.txt", "0 256 32000 0", "0 256 1000 0");
        assertEquals("0 32000\n0 -32536\n", run("vectors", "lif", "--stimuli", wrap.toString(), "--v-th", "32767").out());
    }

    @Test
    void q16_12AndParameterOptions() throws IOException
    {
        // W 32, F 12: 1.0 = 4096; 3000 per cycle with no leak crosses the default threshold 4096 on cycle 2
        final Path stim = file("q16.txt", "0 4096 3000 0", "0 4096 3000 0", "0 4096 3000 0", "0 4096 3000 0");
        Run r = run("vectors", "lif", "--stimuli", stim.toString(), "--width", "32");
        assertEquals("0 3000\n1 0\n0 3000\n1 0\n", r.out(), r.err());
        r = run("vectors", "lif", "--stimuli", stim.toString(), "--width", "32", "--v-reset", "-7", "--v-rest", "0",
            "--refractory", "1");
        assertEquals("0 3000\n1 -7\n0 0\n0 3000\n", r.out(), r.err());
        r = run("vectors", "lif", "--stimuli", file("f4.txt", "0 16 100 0").toString(), "--fraction", "4", "--v-th", "1000");
        assertEquals("0 100\n", r.out(), r.err());
    }

    @Test
    void malformedLinesAreReportedWithTheirNumberAndWhatIsAccepted() throws IOException
    {
        assertBadInput(run("vectors", "lif", "--stimuli", file("a.txt", "# ok", "1 2 3 4", "1 2 3").toString()),
            "a.txt line 3", "found 3 fields", "expected 4 decimal integers 'leak_k gain_k I_t noise_in'", "# comments");
        assertBadInput(run("vectors", "lif", "--stimuli", file("b.txt", "1 2 0x10 4").toString()),
            "b.txt line 1", "I_t '0x10' is not a decimal integer");
        assertBadInput(run("vectors", "lif", "--stimuli", file("c.txt", "", "1 2 3 40000").toString()),
            "c.txt line 2", "noise_in 40000 is out of range", "-32768..32767");
        assertBadInput(run("vectors", "lif", "--stimuli", file("d.txt", "1 2 3 4 5").toString()), "line 1", "found 5 fields");
        // the same value is fine at W 32
        assertEquals(0, run("vectors", "lif", "--stimuli", dir.resolve("c.txt").toString(), "--width", "32").code());
        Files.write(dir.resolve("bin.txt"), new byte[] {'1', ' ', (byte)0xC3, (byte)0x28, '\n'});
        assertBadInput(run("vectors", "lif", "--stimuli", dir.resolve("bin.txt").toString()), "bin.txt line 1");
    }

    @Test
    void aFileWithoutStimulusLinesIsBadInput() throws IOException
    {
        // exit 0 and no output: a test bench compared against nothing
        assertBadInput(run("vectors", "lif", "--stimuli", file("empty.txt").toString()), "empty.txt has no stimulus line",
            "(it is empty)");
        assertBadInput(run("vectors", "lif", "--stimuli", file("c.txt", "# leak gain I noise", "", "   # more").toString()),
            "c.txt has no stimulus line", "only blank lines and comments", "leak_k gain_k I_t noise_in");
    }

    @Test
    void aNumberTooLongForALongIsOutOfRangeNotMalformed() throws IOException
    {
        // it said "not a decimal integer" of 99999999999999999999
        assertBadInput(run("vectors", "lif", "--stimuli", file("big.txt", "0 0 99999999999999999999 0").toString()),
            "big.txt line 1: I_t 99999999999999999999 is out of range", "-32768..32767");
        assertBadInput(run("vectors", "lif", "--stimuli", file("neg.txt", "-99999999999999999999 0 0 0").toString()),
            "leak_k -99999999999999999999 is out of range");
        assertBadInput(run("vectors", "lif", "--stimuli", file("x.txt", "0 0 1e3 0").toString()),
            "I_t '1e3' is not a decimal integer");
    }

    @Test
    void missingOrUnusableFilesAndBadOptions() throws IOException
    {
        assertBadInput(run("vectors", "lif", "--stimuli", dir.resolve("nope.txt").toString()), "nope.txt", "no such file");
        assertBadInput(run("vectors", "lif", "--stimuli", dir.toString()), "is not a file");
        assertBadInput(run("vectors", "lif"), "--stimuli");
        final Path ok = constant("0 0 0 0", 1);
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--width", "24"), "--width must be 16 or 32");
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--v-th", "40000"), "--v-th 40000", "signed 16 bits");
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--refractory", "-1"), "--refractory");
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--fraction", "40"), "--fraction must be 0..15");
        // accepted before, and every output was 0
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--width", "16", "--fraction", "20"),
            "--fraction must be 0..15 for width 16", "got 20");
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--width", "32", "--fraction", "32"),
            "--fraction must be 0..31 for width 32");
        assertEquals(0, run("vectors", "lif", "--stimuli", ok.toString(), "--fraction", "15").code(), "Q0.15 is fine");
        assertBadInput(run("vectors", "lif", "--stimuli", ok.toString(), "--refractory", "two"), "--refractory");
        assertBadInput(run("vectors"), "give 'lif' or 'encoder'");
    }

    @Test
    void encoderGoldenFirst32Bits()
    {
        final Run r = run("vectors", "encoder", "--seed", "ACE1", "--x", "32768", "--cycles", "32");
        assertEquals(0, r.code(), r.err());
        assertEquals("01010011000111100001101110101010", r.out().replace("\n", ""));
        assertEquals(32, r.out().lines().count());
        assertEquals(r.out(), run("vectors", "encoder", "--seed", "0xace1", "--x", "0x8000", "--cycles", "32").out());
    }

    @Test
    void encoderTIndexAndFullPeriod()
    {
        // t_index 0x0F0F starts from 0xACE1 ^ 0x0F0F = 0xA3EE; x just above it gives a first 1, just below a 0
        assertEquals("1", run("vectors", "encoder", "--seed", "ACE1", "--x", Integer.toString(0xA3EF), "--cycles", "1",
            "--t-index", Integer.toString(0x1234_0F0F)).out().strip());
        assertEquals("0", run("vectors", "encoder", "--seed", "ACE1", "--x", Integer.toString(0xA3EE), "--cycles", "1",
            "--t-index", "0x12340F0F").out().strip());
        final String period = run("vectors", "encoder", "--seed", "1", "--x", "1000", "--cycles", "65535").out();
        assertEquals(999, period.chars().filter(c -> c == '1').count(), "x - 1 ones over a full period");
    }

    @Test
    void encoderBadOptions()
    {
        assertBadInput(run("vectors", "encoder", "--seed", "0", "--x", "1", "--cycles", "1"), "--seed 0 is out of range",
            "hex 1..FFFF");
        assertBadInput(run("vectors", "encoder", "--seed", "XYZ", "--x", "1", "--cycles", "1"), "--seed 'XYZ' is not a hex number");
        assertBadInput(run("vectors", "encoder", "--seed", "10000", "--x", "1", "--cycles", "1"), "--seed 10000 is out of range");
        assertBadInput(run("vectors", "encoder", "--seed", "ACE1", "--x", "65536", "--cycles", "1"), "--x 65536", "0..65535");
        assertBadInput(run("vectors", "encoder", "--seed", "ACE1", "--x", "-1", "--cycles", "1"), "--x -1");
        assertBadInput(run("vectors", "encoder", "--seed", "ACE1", "--x", "1", "--cycles", "0"), "--cycles 0");
        assertBadInput(run("vectors", "encoder", "--seed", "ACE1", "--x", "1", "--cycles", "ten"), "--cycles 'ten' is not a number");
        assertBadInput(run("vectors", "encoder", "--seed", "ACE1", "--x", "1", "--cycles", "1", "--t-index", "4294967296"),
            "--t-index");
        assertBadInput(run("vectors", "encoder", "--x", "1", "--cycles", "1"), "--seed");
    }
}
