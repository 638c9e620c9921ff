package org.scfabric.bench.cli;

import java.util.Locale;

/**
 * The heap a run needs, estimated before anything is allocated, so that a size that cannot fit is
 * one line and exit code 2 instead of an OutOfMemoryError after minutes of work. Each term follows a
 * data structure that grows with N (or N², or N × steps); the constant per-neuron state is small
 * beside them. {@code MemoryEstimateTest} holds the terms against heap use measured on small runs.
 */
public final class MemoryEstimate
{
    /** Bytes per kernel memory word: the value and the two fault masks ({@code Signals}). */
    static final long KERNEL_WORD = 3 * 8;
    /** Bytes per kernel signal: value, next, width mask, two fault masks, width, bank. */
    static final long KERNEL_SIGNAL = 5 * 8 + 2 * 4;
    /** Neuron state outside the big arrays: a few registers or doubles each, with their names. */
    static final long PER_NEURON = 512;
    /** An upper bound on a Brunel neuron's rate (one spike per 2 ms refractory period), for raster sizes. */
    static final double MAX_RATE_HZ = 500;
    /** What the JVM itself, the jar and the report need besides the run. */
    static final long BASE = 64L << 20;
    /** Synapse arrays as allocated: {@code Connectivity} with 5 % headroom, {@code FabricNetwork} with 20 %. */
    public static final double CSR_HEADROOM = 1.05;
    public static final double FABRIC_HEADROOM = 1.2;
    /** The most elements one Java array holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryEstimate()
    {
    }

    /** Expected synapses of N neurons at connection probability p (the diagonal is left out). */
    static double synapses(final int n, final double p)
    {
        return p * n * (double)(n - 1);
    }

    /** {@code Connectivity.draw}: the CSR columns (5 % headroom as allocated), row starts and one row of uniforms. */
    static double csr(final int n, final double p)
    {
        return 4 * (1.05 * p * n * (double)n + 64) + 4.0 * (n + 1) + 8.0 * n;
    }

    /** The crossbar of the fixed-point and SC designs: N rows of ⌈N/64⌉ words in kernel memory, plus the copy loaded. */
    static double crossbar(final int n)
    {
        final double words = (double)n * ((n + 63) / 64);
        return words * (KERNEL_WORD + 8);
    }

    /** A spike raster: two ints a spike, in arrays that double as they grow. */
    static double raster(final int n, final double durationMs)
    {
        return 2 * 8 * (n * MAX_RATE_HZ * durationMs / 1000.0) + 2 * 8 * 1024;
    }

    /** {@code FabricNetwork.random}: targets and weights as drawn (20 % headroom) and trimmed (both live at once). */
    static double fabricNetwork(final int n, final double p)
    {
        return 2 * 4 * (1.2 + 1.0) * p * n * (double)n + 4.0 * (n + 1);
    }

    /** The fabric's kernel: a fan-out memory word per synapse and five words a neuron (v, rc, lfsr, two acc). */
    static double fabricKernel(final int n, final double p)
    {
        return KERNEL_WORD * (synapses(n, p) + 5.0 * n) + (double)PER_NEURON * n;
    }

    /** {@code scfabric brunel}: the shared CSR, the largest variant's design, and every variant's raster (kept for plots). */
    public static double brunel(final int n, final double p, final double durationMs, final int variants)
    {
        return BASE + csr(n, p) + crossbar(n) + 2.0 * PER_NEURON * n + variants * raster(n, durationMs);
    }

    /** {@code scfabric fabric}: the fabric network as drawn, its kernel and the spike list. */
    public static double fabric(final int n, final double p, final double durationMs)
    {
        return BASE + fabricNetwork(n, p) + fabricKernel(n, p) + raster(n, durationMs);
    }

    /** What a fault-campaign workload holds once, shared by every worker. */
    static double faultsShared(final String variant, final int n, final double p, final int steps)
    {
        if (isFabric(variant))
        {
            return csr(n, p) + fabricNetwork(n, p);
        }
        // the Brunel designs: the CSR and the drive recorded for replay, one byte per neuron and step
        return csr(n, p) + (double)n * steps;
    }

    /** What each worker holds: its own bench (kernel) and at least one checkpoint of the kernel's state. */
    static double faultsPerThread(final String variant, final int n, final double p)
    {
        final double kernel = isFabric(variant) ? fabricKernel(n, p) : crossbar(n) + (double)PER_NEURON * n;
        // a checkpoint copies every value (8 bytes a word) besides the snapshot (8 more)
        return 2 * kernel;
    }

    /**
     * Fault sites of a whole design: every bit of the crossbar (Brunel designs) or of the fan-out memory
     * (about 27 bits a synapse on the fabric), and some tens of register bits a neuron.
     */
    static double sites(final String variant, final int n, final double p)
    {
        return isFabric(variant) ? 32 * synapses(n, p) + 64.0 * n : 64.0 * n * ((n + 63) / 64) + 128.0 * n;
    }

    /**
     * {@code scfabric faults}: the shared workload and each worker's bench and first checkpoint; the
     * campaign fits its other checkpoints into a third of the heap on its own. With {@code allSites}
     * (the glob {@code *}) also the fault space of every site (a long each, twice while it is joined)
     * and, when it is not sampled, each worker's record of every bit's activity (two ints a bit).
     */
    public static double faults(final String variant, final int n, final double p, final int steps, final int threads,
        final boolean allSites, final boolean sampled)
    {
        final double space = allSites ? 16 * sites(variant, n, p) + (sampled ? 0 : threads * 8 * sites(variant, n, p))
            : 0;
        return BASE + faultsShared(variant, n, p, steps) + threads * faultsPerThread(variant, n, p) + space;
    }

    private static boolean isFabric(final String variant)
    {
        return variant.trim().toLowerCase(Locale.ROOT).startsWith("fabric");
    }

    /**
     * Refuses a run that cannot fit: more synapses than an array holds, or an estimate above what the
     * JVM may use ({@code usable} of its maximum heap).
     *
     * @param what the run in the user's words, e.g. {@code N = 300000}
     * @param knobs what the user can make smaller, e.g. {@code N or --threads}
     */
    public static void require(final double bytes, final int n, final double p, final double headroom,
        final String what, final String knobs)
    {
        require(bytes, n, p, headroom, what, knobs, Runtime.getRuntime().maxMemory(), 1.0);
    }

    /** @param headroom how much larger than the expected synapse count the synapse array is allocated */
    static void require(final double bytes, final int n, final double p, final double headroom, final String what,
        final String knobs, final long maxHeap, final double usable)
    {
        if (headroom * p * n * (double)n > MAX_ARRAY)
        {
            throw new BadInputException(String.format(Locale.ROOT, "%s has about %.3g synapses, more than one array "
                + "holds (%d); give a smaller N (at p = %s, N <= %d)", what, synapses(n, p), MAX_ARRAY, p,
                (long)Math.sqrt(MAX_ARRAY / (headroom * p))));
        }
        if (bytes > usable * maxHeap)
        {
            throw new BadInputException(String.format(Locale.ROOT, "%s needs about %s, the JVM has %s; use -Xmx "
                + "(e.g. SCFABRIC_JAVA_OPTS=-Xmx%dg) or a smaller %s", what, gb(bytes), gb(maxHeap),
                (long)Math.ceil(bytes / usable / (1L << 30)) + 1, knobs));
        }
    }

    static String gb(final double bytes)
    {
        return bytes >= 10.0 * (1L << 30) ? String.format(Locale.ROOT, "%.0f GB", bytes / (1L << 30))
            : String.format(Locale.ROOT, "%.1f GB", bytes / (1L << 30));
    }
}
