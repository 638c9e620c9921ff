package org.scfabric.hw.fabric;

/**
 * The architecture of a fabric: how many neurons share how many cores, and the sizes and latencies
 * of its memories and queues. Changing any of these changes the cycle counts, never the spikes
 * (unless a resource overflows under {@link Overflow#DROP}, which the run reports).
 *
 * @param neurons     N, the neurons of the network
 * @param cores       K, the neuron cores; core c serves neurons [floor(c·N/K), floor((c+1)·N/K))
 * @param fifoDepth   D, the depth of each core's spike FIFO (address events), ≥ 1
 * @param ports       P, fan-out memory read ports: synapses delivered per cycle, ≥ 1
 * @param coreLatency cycles from issuing a neuron to its result (state read + datapath), ≥ 1
 * @param csrLatency  read latency of the row and fan-out memories, ≥ 1
 * @param clockMhz    the clock, for real time and the per-timestep budget
 * @param overflow    what a core does when its FIFO may be full: STALL (credit flow control) or DROP
 */
public record FabricParams(int neurons, int cores, int fifoDepth, int ports, int coreLatency, int csrLatency,
    double clockMhz, Overflow overflow)
{
    /** What happens to a spike that finds its FIFO full. */
    public enum Overflow
    {
        /** A core issues a neuron only with a free FIFO slot reserved for it: nothing is lost, time is. */
        STALL,
        /** Cores never wait; a spike that meets a full FIFO is dropped and counted. */
        DROP
    }

    public static final int MAX_NEURONS = 1 << 20;

    public FabricParams
    {
        if (neurons < 1 || neurons > MAX_NEURONS)
        {
            throw new IllegalArgumentException("neurons must be 1.." + MAX_NEURONS + ", got " + neurons);
        }
        if (cores < 1 || cores > neurons || cores > 64)
        {
            throw new IllegalArgumentException("cores must be 1..min(64, neurons), got " + cores + " for "
                + neurons + " neurons");
        }
        if (fifoDepth < 1 || fifoDepth > 1 << 16)
        {
            throw new IllegalArgumentException("fifo depth must be 1..65536, got " + fifoDepth);
        }
        if (ports < 1 || ports > 32)
        {
            throw new IllegalArgumentException("memory ports must be 1..32, got " + ports);
        }
        if (coreLatency < 1 || coreLatency > 16)
        {
            throw new IllegalArgumentException("core pipeline latency must be 1..16 cycles, got " + coreLatency);
        }
        if (csrLatency < 1 || csrLatency > 16)
        {
            throw new IllegalArgumentException("memory read latency must be 1..16 cycles, got " + csrLatency);
        }
        if (!(clockMhz > 0) || Double.isInfinite(clockMhz))
        {
            throw new IllegalArgumentException("clock must be > 0 MHz, got " + clockMhz);
        }
        if (overflow == null)
        {
            throw new IllegalArgumentException("overflow policy missing");
        }
    }

    /** Defaults: 4 cores, FIFO depth 64, one port, latencies 2 and 1, 100 MHz, STALL. */
    public static FabricParams of(final int neurons, final int cores)
    {
        return new FabricParams(neurons, cores, 64, 1, 2, 1, 100.0, Overflow.STALL);
    }

    public FabricParams withCores(final int k)
    {
        return new FabricParams(neurons, k, fifoDepth, ports, coreLatency, csrLatency, clockMhz, overflow);
    }

    public FabricParams withFifoDepth(final int d)
    {
        return new FabricParams(neurons, cores, d, ports, coreLatency, csrLatency, clockMhz, overflow);
    }

    public FabricParams withPorts(final int p)
    {
        return new FabricParams(neurons, cores, fifoDepth, p, coreLatency, csrLatency, clockMhz, overflow);
    }

    public FabricParams withLatencies(final int core, final int csr)
    {
        return new FabricParams(neurons, cores, fifoDepth, ports, core, csr, clockMhz, overflow);
    }

    public FabricParams withClockMhz(final double mhz)
    {
        return new FabricParams(neurons, cores, fifoDepth, ports, coreLatency, csrLatency, mhz, overflow);
    }

    public FabricParams withOverflow(final Overflow o)
    {
        return new FabricParams(neurons, cores, fifoDepth, ports, coreLatency, csrLatency, clockMhz, o);
    }

    /** First neuron of core c. */
    public int coreBase(final int c)
    {
        return (int)((long)c * neurons / cores);
    }

    /** Neurons served by core c (≥ 1). */
    public int coreSize(final int c)
    {
        return coreBase(c + 1) - coreBase(c);
    }

    /** The core that serves neuron j. */
    public int coreOf(final int j)
    {
        int c = (int)((long)j * cores / neurons);
        while (coreBase(c + 1) <= j)
        {
            c++;
        }
        while (coreBase(c) > j)
        {
            c--;
        }
        return c;
    }

    /** Cycles available per timestep of {@code dtMs} at the clock (the real-time budget). */
    public long budgetCycles(final double dtMs)
    {
        return Math.round(clockMhz * 1000.0 * dtMs);
    }

    /** Bits of a neuron address. */
    public int idBits()
    {
        return bitsFor(neurons - 1);
    }

    /** Bits to hold 0..v (at least 1). */
    public static int bitsFor(final long v)
    {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(v));
    }
}
