package org.scfabric.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.scfabric.net.nir.NirReader;

class NetworkStatsTest
{
    /** Every (output position, tap) pair with a non-zero weight whose input position is inside the input. */
    private static long bruteForce(final Node conv)
    {
        final Tensor w = conv.param("weight");
        final Shape ws = w.shape();
        final int[] s = conv.param("stride").ints("stride");
        final int[] p = conv.param("padding").ints("padding");
        final int[] d = conv.param("dilation").ints("dilation");
        final Shape in = conv.inShape();
        final Shape out = conv.outShape();
        long n = 0;
        for (int co = 0; co < ws.dim(0); co++)
        {
            for (int oy = 0; oy < out.dim(1); oy++)
            {
                for (int ox = 0; ox < out.dim(2); ox++)
                {
                    for (int ci = 0; ci < ws.dim(1); ci++)
                    {
                        for (int ky = 0; ky < ws.dim(2); ky++)
                        {
                            for (int kx = 0; kx < ws.dim(3); kx++)
                            {
                                final int iy = oy * s[0] - p[0] + ky * d[0];
                                final int ix = ox * s[1] - p[1] + kx * d[1];
                                final double v = w.get(((co * ws.dim(1) + ci) * ws.dim(2) + ky) * ws.dim(3) + kx);
                                if (v != 0 && iy >= 0 && iy < in.dim(1) && ix >= 0 && ix < in.dim(2))
                                {
                                    n++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return n;
    }

    @Test
    void convolutionSynapsesAreTheTapsInsideTheInput() throws Exception
    {
        final Network n = NirReader.read(Path.of(NetworkStatsTest.class.getResource("/nir/cnn_sinabs.nir").toURI()));
        for (final String conv : new String[] {"0", "2", "5"})
        {
            assertEquals(bruteForce(n.node(conv)), NetworkStats.synapses(n.node(conv)), "conv " + conv);
        }
        // padding 1 on a 34x34 input with stride 2: not every output sees all 2x5x5 taps
        final long full = 16L * 16 * 16 * 2 * 5 * 5;
        assertEquals(true, NetworkStats.synapses(n.node("0")) < full);
        assertEquals(128 * 256, NetworkStats.synapses(n.node("9")), "Affine 256x128 with no zero weight");
        assertEquals(0, NetworkStats.synapses(n.node("1")));
        assertEquals(4096 + 4096 + 1, NetworkStats.parameters(n.node("1")), "r, v_threshold and the v_reset default");
    }
}
