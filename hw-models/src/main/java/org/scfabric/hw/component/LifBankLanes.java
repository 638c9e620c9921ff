package org.scfabric.hw.component;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LifBankRegisters#edge} on SIMD lanes (8 neurons per step with AVX-512): the same
 * {@code LifCore.vNext} in 64-bit lanes — products mod 2^64, arithmetic shifts, the cut to W bits by
 * a shift pair — and the refractory and threshold choices as blends, so every lane holds the bits
 * the scalar loop computes. Next values go to scratch arrays and into the banks in one copy each.
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is in the boot layer; see {@link #LANES}.
 */
final class LifBankLanes
{
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    /** Lanes of the vector path, 0 when it is not available (no module, vectors under 512 bits, or turned off). */
    static final int LANES = detect();

    private final long[] cur;
    private final long[] nv;
    private final long[] nrc;
    private final long[] nsp;

    LifBankLanes(final int n)
    {
        cur = new long[n];
        nv = new long[n];
        nrc = new long[n];
        nsp = new long[n];
    }

    private static int detect()
    {
        if (!Boolean.parseBoolean(System.getProperty("scfabric.vectorLif", "true"))
            || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty())
        {
            return 0;
        }
        try
        {
            // 512-bit vectors only: below AVX-512, C2 of Java 17 has no 64-bit lane multiply to compile
            // the products to, and the scalar loop is faster than an emulated one
            final int lanes = L.length();
            return lanes >= 8 ? lanes : 0;
        }
        catch (final LinkageError e)
        {
            return 0;
        }
    }

    /**
     * {@link LifArrayEdge#edge} on lanes: one edge of {@code v[0..n)}, {@code rc[0..n)} in place from the
     * currents {@code base[off + i] + delta[i]} (low W bits used; {@code delta} is cleared), the indices of
     * the neurons that fire into {@code spikes}, ascending; returns their number.
     */
    static int edgeArrays(final long[] v, final long[] rc, final long[] base, final int off, final long[] delta,
        final int[] spikes, final int n, final int w, final int f, final int leakW, final int gainW, final int vRest,
        final int vRestW, final int vResetW, final int vTh, final int refractory)
    {
        final int sh = 64 - w;
        final int bound = L.loopBound(n);
        final LongVector zero = LongVector.zero(L);
        int count = 0;
        int i = 0;
        for (; i < bound; i += L.length())
        {
            final LongVector vi = LongVector.fromArray(L, v, i).lanewise(VectorOperators.LSHL, sh)
                .lanewise(VectorOperators.ASHR, sh);
            final LongVector rci = LongVector.fromArray(L, rc, i);
            final LongVector in = LongVector.fromArray(L, base, off + i).add(LongVector.fromArray(L, delta, i));
            zero.intoArray(delta, i);
            final LongVector diff = LongVector.broadcast(L, vRest).sub(vi);
            final LongVector dvLeak = diff.mul(leakW).lanewise(VectorOperators.ASHR, f)
                .lanewise(VectorOperators.LSHL, sh).lanewise(VectorOperators.ASHR, sh);
            final LongVector dvIn = in.lanewise(VectorOperators.LSHL, sh)
                .lanewise(VectorOperators.ASHR, sh).mul(gainW).lanewise(VectorOperators.ASHR, f)
                .lanewise(VectorOperators.LSHL, sh).lanewise(VectorOperators.ASHR, sh);
            final LongVector next = vi.add(dvLeak).add(dvIn).lanewise(VectorOperators.LSHL, sh)
                .lanewise(VectorOperators.ASHR, sh);
            final VectorMask<Long> resting = rci.compare(VectorOperators.NE, 0);
            final VectorMask<Long> fires = next.compare(VectorOperators.GE, vTh).andNot(resting);
            next.blend(vResetW, fires).blend(vRestW, resting).intoArray(v, i);
            zero.blend(refractory & 0xFFFF_FFFFL, fires).blend(rci.sub(1).and(0xFFFF_FFFFL), resting).intoArray(rc, i);
            // Java 17 compiles anyTrue to one test but laneIsSet and toLong to slow paths: the flags go
            // through delta's lanes (read above, cleared again here) and are scanned as longs
            if (fires.anyTrue())
            {
                zero.blend(1L, fires).intoArray(delta, i);
                for (int k = i, end = i + L.length(); k < end; k++)
                {
                    if (delta[k] != 0)
                    {
                        spikes[count++] = k;
                        delta[k] = 0;
                    }
                }
            }
        }
        return count + LifArrayEdge.scalar(v, rc, base, off, delta, spikes, count, i, n, w, f, leakW, gainW, vRest,
            vRestW, vResetW, vTh, refractory);
    }

    /**
     * One edge of n neurons whose registers start at signals vBase, rcBase, spikeBase of {@code s}
     * (current values); writes the next values of the three banks and the spiking neurons' indices.
     */
    int edge(final org.scfabric.sim.Signals s, final int n, final int w, final int f, final int vBase,
        final int rcBase, final int vBank, final int rcBank, final int spikeBank, final int[] current,
        final int leakW, final int gainW, final int noiseW, final int vRest, final int vReset, final int vTh,
        final int refractory, final int[] spikes)
    {
        final long[] c = s.currentValues();
        final long[] in = cur;
        for (int i = 0; i < n; i++)
        {
            in[i] = current[i];
        }
        final int sh = 64 - w;
        final int bound = L.loopBound(n);
        int count = 0;
        int i = 0;
        for (; i < bound; i += L.length())
        {
            final LongVector v = LongVector.fromArray(L, c, vBase + i).lanewise(VectorOperators.LSHL, sh)
                .lanewise(VectorOperators.ASHR, sh);
            final LongVector rc = LongVector.fromArray(L, c, rcBase + i);
            final LongVector diff = LongVector.broadcast(L, vRest).sub(v);
            final LongVector dvLeak = diff.mul(leakW).lanewise(VectorOperators.ASHR, f)
                .lanewise(VectorOperators.LSHL, sh).lanewise(VectorOperators.ASHR, sh);
            final LongVector dvIn = LongVector.fromArray(L, in, i).lanewise(VectorOperators.LSHL, sh)
                .lanewise(VectorOperators.ASHR, sh).mul(gainW).lanewise(VectorOperators.ASHR, f)
                .lanewise(VectorOperators.LSHL, sh).lanewise(VectorOperators.ASHR, sh);
            final LongVector next = v.add(dvLeak).add(dvIn).add(noiseW)
                .lanewise(VectorOperators.LSHL, sh).lanewise(VectorOperators.ASHR, sh);
            final VectorMask<Long> resting = rc.compare(VectorOperators.NE, 0);
            final VectorMask<Long> fires = next.compare(VectorOperators.GE, vTh).andNot(resting);
            next.blend(vReset, fires).blend(vRest, resting).intoArray(nv, i);
            LongVector.zero(L).blend(refractory, fires).blend(rc.sub(1), resting).intoArray(nrc, i);
            LongVector.zero(L).blend(1, fires).intoArray(nsp, i);
            // Java 17 compiles anyTrue to one test but toLong to a loop over the lanes: spikes are rare
            if (fires.anyTrue())
            {
                for (int k = i, end = i + L.length(); k < end; k++)
                {
                    if (nsp[k] != 0)
                    {
                        spikes[count++] = k;
                    }
                }
            }
        }
        for (; i < n; i++)
        {
            final long rc = c[rcBase + i];
            final int v = (int)((c[vBase + i] << sh) >> sh);
            final int next = org.scfabric.hw.lif.LifCore.vNext(v, leakW, gainW, current[i], noiseW, vRest, w, f);
            final boolean resting = rc != 0;
            final boolean fires = !resting & next >= vTh;
            nv[i] = resting ? vRest : fires ? vReset : next;
            nrc[i] = resting ? rc - 1 : fires ? refractory : 0;
            nsp[i] = fires ? 1 : 0;
            if (fires)
            {
                spikes[count++] = i;
            }
        }
        s.putNextBank(vBank, nv, 0);
        s.putNextBank(rcBank, nrc, 0);
        s.putNextBank(spikeBank, nsp, 0);
        return count;
    }
}
