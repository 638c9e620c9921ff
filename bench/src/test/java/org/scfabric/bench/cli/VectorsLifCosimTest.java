package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.hw.Bits;
import org.scfabric.hw.cosim.Cosim;
import org.scfabric.hw.cosim.IcarusRunner;
import org.scfabric.sim.ExternalTool;

/**
 * {@code scfabric vectors lif} against the reference test bench {@code rtl/tb/tb_sc_lif_neuron.v}
 * under Icarus: the same stimulus file, reset held for two cycles first, the bench's hex output
 * after reset read back as decimal, line for line.
 */
class VectorsLifCosimTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "16, 8, 0, 0, 256, 0",
        "16, 8, -300, 100, 256, 2",
        "16, 4, -7, -50, -20, 3",
        "32, 12, 0, 0, 4096, 0",
        "32, 12, 0, 40960, 81920, 2"})
    void vectorsLifPrintsWhatTheVerilogBenchPrints(final int w, final int f, final int rest, final int reset,
        final int th, final int refractory) throws IOException
    {
        ExternalTool.require("iverilog", "iverilog");
        ExternalTool.require("vvp", "iverilog");
        final SplittableRandom r = new SplittableRandom(0x7EC7L + 31L * w + th + refractory);
        final int one = 1 << f;
        final long span = Math.max(Math.abs((long)th), one);
        final List<String> stimulus = new ArrayList<>();
        final List<String> bench = new ArrayList<>();
        bench.add(Cosim.line("0", "0", "0", "0", "0"));
        bench.add(Cosim.line("0", "0", "0", "0", "0"));
        stimulus.add("# leak gain I noise, generated");
        int leak = 0;
        int gain = one;
        for (int k = 0; k < 3000; k++)
        {
            if (k % 100 == 0)
            {
                leak = r.nextInt(100) < 10 ? Bits.lowSigned(r.nextLong(), w) : r.nextInt(-one / 8, one);
                gain = r.nextInt(100) < 10 ? Bits.lowSigned(r.nextLong(), w) : r.nextInt(0, 2 * one);
            }
            final int current = r.nextInt(100) < 5 ? Bits.lowSigned(r.nextLong(), w)
                : (int)Math.max(Math.min(r.nextLong(-span, 2 * span), Bits.mask(w - 1)), -Bits.mask(w - 1));
            final int noise = r.nextInt(100) < 5 ? Bits.lowSigned(r.nextLong(), w) : r.nextInt(-4, 5);
            stimulus.add(leak + " " + gain + " " + current + " " + noise);
            if (k % 500 == 250)
            {
                stimulus.add(""); // blank lines and comments are no clocks
                stimulus.add("   # a comment");
            }
            bench.add(Cosim.line("1", Cosim.hex(leak, w), Cosim.hex(gain, w), Cosim.hex(current, w), Cosim.hex(noise, w)));
        }
        final Path file = dir.resolve("stim.txt");
        Files.write(file, stimulus, StandardCharsets.US_ASCII);

        final Cli.Run ran = Cli.run("vectors", "lif", "--stimuli", file.toString(), "--width", Integer.toString(w),
            "--fraction", Integer.toString(f), "--v-rest", Integer.toString(rest), "--v-reset", Integer.toString(reset),
            "--v-th", Integer.toString(th), "--refractory", Integer.toString(refractory));
        assertEquals(0, ran.code(), ran.err());
        final List<String> java = ran.out().lines().toList();

        final IcarusRunner sim = IcarusRunner.compile("tb_sc_lif_neuron", IcarusRunner.params(
            "DATA_WIDTH", Integer.toString(w), "FRACTION", Integer.toString(f),
            "V_REST", w + "'h" + Cosim.hex(rest, w), "V_RESET", w + "'h" + Cosim.hex(reset, w),
            "V_THRESHOLD", w + "'h" + Cosim.hex(th, w), "REFRACTORY_PERIOD", Integer.toString(refractory)),
            "sc_lif_neuron.v");
        final List<String> verilog = sim.run(bench);
        assertEquals(bench.size(), verilog.size());
        assertEquals(3000, java.size());
        int spikes = 0;
        for (int k = 0; k < java.size(); k++)
        {
            final String[] v = verilog.get(k + 2).trim().split("\\s+");
            final String expected = Long.parseLong(v[0], 16) + " " + Bits.lowSigned(Long.parseLong(v[1], 16), w);
            assertEquals(expected, java.get(k), "clock " + (k + 1) + " after reset, stimulus '" + bench.get(k + 2) + "'");
            spikes += v[0].equals("1") ? 1 : 0;
        }
        assertTrue(spikes >= 20, "the stimulus makes the neuron spike: " + spikes);
    }
}
