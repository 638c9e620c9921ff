package org.scfabric.bench.brunel;

/**
 * A drive recorded once (one byte per neuron and step: 10 MB for N = 1000 over 10 000 steps) and
 * read back at any step: the replayable stimulus of a fault campaign, identical for every run.
 */
public final class RecordedDrive implements DriveStream
{
    private final int n;
    private final int steps;
    private final byte[] kicks;

    private RecordedDrive(final int n, final int steps, final byte[] kicks)
    {
        this.n = n;
        this.steps = steps;
        this.kicks = kicks;
    }

    /** Reads every step of {@code live} (which is then exhausted) into memory. */
    public static RecordedDrive record(final DriveStream live)
    {
        final int n = live.size();
        final int steps = live.steps();
        final long bytes = (long)n * steps;
        if (bytes > Integer.MAX_VALUE - 8)
        {
            throw new IllegalArgumentException("a recorded drive of " + n + " neurons × " + steps
                + " steps does not fit one array (" + bytes + " bytes)");
        }
        final byte[] k = new byte[(int)bytes];
        final int[] row = new int[n];
        for (int t = 0; t < steps; t++)
        {
            live.fill(t, row);
            for (int j = 0; j < n; j++)
            {
                if (row[j] > 255)
                {
                    throw new IllegalStateException("a drive count of " + row[j] + " kicks (step " + t + ", neuron " + j
                        + ") does not fit the 8-bit drive register");
                }
                k[t * n + j] = (byte)row[j];
            }
        }
        return new RecordedDrive(n, steps, k);
    }

    @Override
    public int size()
    {
        return n;
    }

    @Override
    public int steps()
    {
        return steps;
    }

    @Override
    public boolean seekable()
    {
        return true;
    }

    @Override
    public void fill(final int step, final int[] out)
    {
        if (step < 0 || step >= steps)
        {
            throw new IllegalArgumentException("step " + step + " is outside the recorded 0.." + (steps - 1));
        }
        final int base = step * n;
        for (int j = 0; j < n; j++)
        {
            out[j] = kicks[base + j] & 0xFF;
        }
    }
}
