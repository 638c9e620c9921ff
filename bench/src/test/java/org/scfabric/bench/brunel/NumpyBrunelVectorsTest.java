package org.scfabric.bench.brunel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scfabric.random.NumpyGenerator;

/**
 * The network and drive against numpy's own numbers (random's test vector {@code numpy/brunel.txt},
 * made by numpy: {@code random((n, n)) < 0.1} counted before the diagonal is cleared, then 20 steps
 * of {@code poisson(λ, n)}, then the next raw 64-bit output).
 */
class NumpyBrunelVectorsTest
{
    record Case(long seed, int n, int steps, double lambda, int below, List<int[]> rows, long next64)
    {
    }

    static List<Case> cases() throws IOException
    {
        final var in = NumpyBrunelVectorsTest.class.getResourceAsStream("/numpy/brunel.txt");
        assertNotNull(in, "random's test vectors numpy/brunel.txt are on the test class path");
        final List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)))
        {
            String[] head = null;
            List<int[]> rows = null;
            for (String line = r.readLine(); line != null; line = r.readLine())
            {
                final String[] f = line.trim().split("\\s+");
                if (f[0].equals("brunel"))
                {
                    head = f;
                    rows = new ArrayList<>();
                }
                else if (f[0].equals("step"))
                {
                    final int[] row = new int[f.length - 1];
                    for (int j = 0; j < row.length; j++)
                    {
                        row[j] = Integer.parseInt(f[j + 1]);
                    }
                    rows.add(row);
                }
                else if (f[0].equals("next64"))
                {
                    out.add(new Case(Long.parseLong(head[1]), Integer.parseInt(head[2]), Integer.parseInt(head[3]),
                        Double.longBitsToDouble(Long.parseUnsignedLong(head[4], 16)), Integer.parseInt(head[8]), rows,
                        Long.parseUnsignedLong(f[1], 16)));
                }
            }
        }
        return out;
    }

    @Test
    void theFiftyNeuronNetworkOfSeed42HasTheReferenceDrive()
    {
        assertEquals(2.0, BrunelParams.ofSize(50).lambda());
    }

    @Test
    void theConnectivityAndTheDriveAreNumpys() throws IOException
    {
        final List<Case> cases = cases();
        assertEquals(2, cases.size());
        for (final Case c : cases)
        {
            final BrunelParams p = BrunelParams.ofSize(c.n()).withSeed(c.seed());
            final BrunelNetwork net = BrunelNetwork.of(p);
            // the diagonal draws below 0.1 are the synapses the reference clears
            final NumpyGenerator g = new NumpyGenerator(c.seed());
            final double[] row = new double[c.n()];
            int diagonal = 0;
            for (int i = 0; i < c.n(); i++)
            {
                g.random(row, 0, c.n());
                diagonal += row[i] < 0.1 ? 1 : 0;
            }
            assertEquals(c.below() - diagonal, net.connectivity().synapses(), "synapses, seed " + c.seed());
            for (final boolean prefetch : new boolean[] {false, true})
            {
                final var drive = prefetch ? new PrefetchDrive(net.driveBits(), c.lambda(), c.n(), c.steps())
                    : new LiveDrive(net.driveBits(), c.lambda(), c.n(), c.steps());
                final int[] kicks = new int[c.n()];
                for (int t = 0; t < c.steps(); t++)
                {
                    drive.fill(t, kicks);
                    assertArrayEquals(c.rows().get(t), kicks, "seed " + c.seed() + " step " + t);
                }
                drive.close();
            }
        }
    }

    @Test
    void theBitGeneratorIsWhereNumpysIsAfterTheDrive() throws IOException
    {
        for (final Case c : cases())
        {
            final BrunelParams p = BrunelParams.ofSize(c.n()).withSeed(c.seed());
            final var bits = BrunelNetwork.of(p).driveBits();
            final NumpyGenerator g = new NumpyGenerator(bits);
            final int[] kicks = new int[c.n()];
            for (int t = 0; t < c.steps(); t++)
            {
                g.poisson(c.lambda(), kicks, 0, c.n());
            }
            assertEquals(c.next64(), bits.nextLong());
        }
    }
}
