package org.scfabric.hw.component;

import java.util.Arrays;

import org.scfabric.hw.sc.Lfsr;
import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.LfsrTaps;
import org.scfabric.hw.sc.SeedPlan;
import org.scfabric.hw.sc.SobolDirections;
import org.scfabric.hw.sc.SobolGenerator;
import org.scfabric.sim.Binding;
import org.scfabric.sim.Declarations;
import org.scfabric.sim.Signals;

/**
 * An array of 16-bit comparator encoders inside a component that computes a bitstream window per
 * kernel edge: reference LFSRs ({@code <name>.lfsr}, reset to their seed) or Sobol generators
 * ({@code <name>.cnt} and {@code <name>.pt}, reset to a start counter and its point). The encoders
 * shift only during the stream window (clock enable), and their registers are fault sites like
 * any other; the window's bits are {@code bit_c = (source before edge c) < x}.
 *
 * <p>A window is served from {@link EncoderStreams}' tables. An encoder with a fault announced to
 * {@link CycleFaults} (or, for Sobol, whose point no longer matches its counter) is stepped cycle by
 * cycle instead, with the faults applied at every edge of the window as a cycle-by-cycle kernel run
 * would apply them.
 */
public final class EncoderArray
{
    public enum Kind
    {
        LFSR,
        SOBOL
    }

    private static final int TAPS = LfsrTaps.reference(16);

    private final Kind kind;
    private final String name;
    private final int[] reset;
    private final int dimension;
    private final int[] directions;
    private final int n;
    private final int[] stateSig;
    private final int[] pointSig;
    private final long[] lastState;
    private final long[] lastPoint;
    private CycleFaults faults;

    /**
     * @param name   register name pattern with %d ({@code enc[%d]})
     * @param reset  per encoder: the LFSR seed (non-zero) or the Sobol start counter
     */
    public EncoderArray(final Kind kind, final String name, final int[] reset, final int dimension)
    {
        this.kind = kind;
        this.name = name;
        this.reset = reset.clone();
        this.n = reset.length;
        this.dimension = dimension;
        this.directions = kind == Kind.SOBOL ? SobolDirections.of(dimension) : null;
        this.stateSig = new int[n];
        this.pointSig = kind == Kind.SOBOL ? new int[n] : null;
        this.lastState = new long[n];
        this.lastPoint = kind == Kind.SOBOL ? new long[n] : null;
        for (int i = 0; i < n; i++)
        {
            lastState[i] = reset[i] & 0xFFFF;
            if (kind == Kind.SOBOL)
            {
                lastPoint[i] = EncoderStreams.sobolPoint(dimension, reset[i]);
            }
        }
    }

    public int size()
    {
        return n;
    }

    /** n LFSR encoders of the reference's input seed plan, SEED_INIT 0xACE1 + 7i, reset with t_index t. */
    public static EncoderArray lfsrInputs(final String name, final int n, final int t)
    {
        final int[] s = new int[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = LfsrEncoderModel.resetSeed(SeedPlan.input(i), t, 0xFFFF);
        }
        return new EncoderArray(Kind.LFSR, name, s, 1);
    }

    /** n LFSR encoders of the dense layer's weight seed plan, SEED_INIT 0xBEEF + 13i, reset with t. */
    public static EncoderArray lfsrWeights(final String name, final int n, final int t)
    {
        final int[] s = new int[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = LfsrEncoderModel.resetSeed(SeedPlan.weight(i), t, 0xFFFF);
        }
        return new EncoderArray(Kind.LFSR, name, s, 1);
    }

    /**
     * The matrix layer's weight encoders, one per (neuron j, input i) at index j·nIn + i, SEED_INIT
     * 0xBEEF + 13·(j·nIn + i), reset with t.
     */
    public static EncoderArray lfsrMatrixWeights(final String name, final int nOut, final int nIn, final int t)
    {
        final int[] s = new int[nOut * nIn];
        for (int j = 0; j < nOut; j++)
        {
            for (int i = 0; i < nIn; i++)
            {
                s[j * nIn + i] = LfsrEncoderModel.resetSeed(SeedPlan.matrixWeight(j, i, nIn), t, 0xFFFF);
            }
        }
        return new EncoderArray(Kind.LFSR, name, s, 1);
    }

    private String reg(final int i, final String field)
    {
        return name.replace("%d", Integer.toString(i)) + "." + field;
    }

    public void declare(final Declarations d)
    {
        for (int i = 0; i < n; i++)
        {
            if (kind == Kind.LFSR)
            {
                d.register(reg(i, "lfsr"), 16, reset[i] & 0xFFFF);
            }
            else
            {
                d.register(reg(i, "cnt"), 16, reset[i] & 0xFFFF);
                d.register(reg(i, "pt"), 16, EncoderStreams.sobolPoint(dimension, reset[i]));
            }
        }
    }

    public void bind(final Binding b)
    {
        for (int i = 0; i < n; i++)
        {
            stateSig[i] = b.signal(reg(i, kind == Kind.LFSR ? "lfsr" : "cnt"));
            if (kind == Kind.SOBOL)
            {
                pointSig[i] = b.signal(reg(i, "pt"));
            }
        }
    }

    public void faults(final CycleFaults f)
    {
        this.faults = f;
    }

    /**
     * Encoder i over the window of edges {@code first .. last} with input x: its bits into
     * {@code out} (bit c = edge first + c; none when out is null) and its state after the window as
     * next values of its registers. {@code lastWrite} is the edge of the previous window's end
     * (−1 before the first).
     */
    public void window(final Signals s, final int i, final int x, final long first, final long last, final long lastWrite,
        final long[] out)
    {
        final int cycles = (int)(last - first + 1);
        final boolean faulted = faults != null && (faults.has(stateSig[i])
            || kind == Kind.SOBOL && faults.has(pointSig[i]));
        if (kind == Kind.LFSR)
        {
            if (!faulted)
            {
                final int state = (int)s.get(stateSig[i]);
                if (out != null)
                {
                    EncoderStreams.lfsrWindow(state, x, cycles, out);
                }
                final int next = EncoderStreams.lfsrAdvance(state, cycles);
                s.setNext(stateSig[i], next);
                lastState[i] = next;
                return;
            }
            final int sig = stateSig[i];
            long r = faults.evolve(sig, lastState[i], lastWrite, first - 1);
            clear(out, cycles);
            for (int c = 0; c < cycles; c++)
            {
                final long e = first + c;
                if (out != null && Long.compareUnsigned(r, x & 0xFFFF) < 0)
                {
                    out[c >>> 6] |= 1L << c;
                }
                r = faults.write(sig, Lfsr.next((int)r, TAPS, 0xFFFF), e) & 0xFFFF;
                if (e < last)
                {
                    r = faults.strike(sig, r, e) & 0xFFFF;
                }
            }
            s.setNext(sig, r);
            lastState[i] = r;
            return;
        }
        final int cnt = (int)s.get(stateSig[i]);
        final int pt = (int)s.get(pointSig[i]);
        if (!faulted && pt == EncoderStreams.sobolPoint(dimension, cnt))
        {
            if (out != null)
            {
                EncoderStreams.sobolWindow(dimension, cnt, x, cycles, out);
            }
            final int next = (cnt + cycles) & 0xFFFF;
            s.setNext(stateSig[i], next);
            s.setNext(pointSig[i], EncoderStreams.sobolPoint(dimension, next));
            lastState[i] = next;
            lastPoint[i] = EncoderStreams.sobolPoint(dimension, next);
            return;
        }
        long k = faulted ? faults.evolve(stateSig[i], lastState[i], lastWrite, first - 1) : cnt;
        long p = faulted ? faults.evolve(pointSig[i], lastPoint[i], lastWrite, first - 1) : pt;
        clear(out, cycles);
        for (int c = 0; c < cycles; c++)
        {
            final long e = first + c;
            if (out != null && p < (x & 0xFFFF))
            {
                out[c >>> 6] |= 1L << c;
            }
            final int z = SobolGenerator.lowestZeroBit((int)k);
            long pn = z == 16 ? 0 : p ^ directions[z];
            long kn = (k + 1) & 0xFFFF;
            if (faulted)
            {
                kn = faults.write(stateSig[i], kn, e) & 0xFFFF;
                pn = faults.write(pointSig[i], pn, e) & 0xFFFF;
                if (e < last)
                {
                    kn = faults.strike(stateSig[i], kn, e) & 0xFFFF;
                    pn = faults.strike(pointSig[i], pn, e) & 0xFFFF;
                }
            }
            k = kn;
            p = pn;
        }
        s.setNext(stateSig[i], k);
        s.setNext(pointSig[i], p);
        lastState[i] = k;
        lastPoint[i] = p;
    }

    /**
     * Encoder i over the window like {@link #window}, returning only how many of its bits at the
     * offsets {@code ones[0..m)} are 1: the AND-popcount with a sparse stream whose ones are there.
     * {@code scratch} holds a window's bits (used only for an encoder stepped cycle by cycle).
     */
    public int onesAt(final Signals s, final int i, final int x, final long first, final long last, final long lastWrite,
        final int[] ones, final int m, final long[] scratch)
    {
        final boolean faulted = faults != null && (faults.has(stateSig[i])
            || kind == Kind.SOBOL && faults.has(pointSig[i]));
        final int cycles = (int)(last - first + 1);
        if (!faulted)
        {
            if (kind == Kind.LFSR)
            {
                final int state = (int)s.get(stateSig[i]);
                final int count = EncoderStreams.lfsrOnesAt(state, x, ones, m);
                final int next = EncoderStreams.lfsrAdvance(state, cycles);
                s.setNext(stateSig[i], next);
                lastState[i] = next;
                return count;
            }
            final int cnt = (int)s.get(stateSig[i]);
            if ((int)s.get(pointSig[i]) == EncoderStreams.sobolPoint(dimension, cnt))
            {
                final int count = EncoderStreams.sobolOnesAt(dimension, cnt, x, ones, m);
                final int next = (cnt + cycles) & 0xFFFF;
                s.setNext(stateSig[i], next);
                s.setNext(pointSig[i], EncoderStreams.sobolPoint(dimension, next));
                lastState[i] = next;
                lastPoint[i] = EncoderStreams.sobolPoint(dimension, next);
                return count;
            }
        }
        window(s, i, x, first, last, lastWrite, scratch);
        int count = 0;
        for (int k = 0; k < m; k++)
        {
            count += (int)(scratch[ones[k] >>> 6] >>> ones[k]) & 1;
        }
        return count;
    }

    /** The offsets of the ones of a window's bits into {@code ones}; returns how many. */
    public static int ones(final long[] bits, final int words, final int[] ones)
    {
        int m = 0;
        for (int w = 0; w < words; w++)
        {
            long b = bits[w];
            while (b != 0)
            {
                ones[m++] = (w << 6) + Long.numberOfTrailingZeros(b);
                b &= b - 1;
            }
        }
        return m;
    }

    private static void clear(final long[] out, final int cycles)
    {
        if (out != null)
        {
            java.util.Arrays.fill(out, 0, (cycles + 63) >>> 6, 0L);
        }
    }

    public State save()
    {
        return new State(lastState.clone(), lastPoint == null ? null : lastPoint.clone());
    }

    public void restore(final State state)
    {
        System.arraycopy(state.lastState, 0, lastState, 0, n);
        if (lastPoint != null)
        {
            System.arraycopy(state.lastPoint, 0, lastPoint, 0, n);
        }
    }

    /** The encoders' last written states (and points), compared by content. */
    public static final class State
    {
        private final long[] lastState;
        private final long[] lastPoint;

        State(final long[] lastState, final long[] lastPoint)
        {
            this.lastState = lastState;
            this.lastPoint = lastPoint;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof State s && Arrays.equals(lastState, s.lastState) && Arrays.equals(lastPoint, s.lastPoint);
        }

        @Override
        public int hashCode()
        {
            return 31 * Arrays.hashCode(lastState) + Arrays.hashCode(lastPoint);
        }
    }
}
