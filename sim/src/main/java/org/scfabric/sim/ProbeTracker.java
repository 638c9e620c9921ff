package org.scfabric.sim;

import java.util.Arrays;

import org.scfabric.sim.record.Recorder;

/**
 * The probed signals of a kernel and what was last recorded of each: the settle loop notes a probed
 * signal that changed, and at the end of a time step each noted signal is recorded once, in signal
 * order, if its settled value differs from the last one recorded.
 */
final class ProbeTracker
{
    private final Recorder recorder;
    private final Signals signals;
    private final boolean[] probed;
    private final long[] lastEmitted;
    private int[] noted = new int[16];
    private int notedCount;

    ProbeTracker(final Design design, final Signals signals, final Recorder recorder)
    {
        this.recorder = recorder;
        this.signals = signals;
        probed = new boolean[design.signalCount()];
        lastEmitted = new long[design.signalCount()];
    }

    Recorder recorder()
    {
        return recorder;
    }

    /** Starts recording a signal, its current value at {@code time} first (once per signal). */
    void add(final int signal, final long time)
    {
        if (!probed[signal])
        {
            probed[signal] = true;
            signals.trackBankOf(signal);
            lastEmitted[signal] = signals.get(signal);
            recorder.valueChange(time, signal, signals.get(signal));
        }
    }

    boolean isProbed(final int signal)
    {
        return probed[signal];
    }

    /** Called for every changed signal in a delta cycle. */
    void noteIfProbed(final int signal)
    {
        if (probed[signal])
        {
            if (notedCount == noted.length)
            {
                noted = Arrays.copyOf(noted, notedCount * 2);
            }
            noted[notedCount++] = signal;
        }
    }

    /** Records the settled values of the noted signals at {@code time}. */
    void flush(final long time)
    {
        if (notedCount == 0)
        {
            return;
        }
        Arrays.sort(noted, 0, notedCount);
        int prev = -1;
        for (int i = 0; i < notedCount; i++)
        {
            final int sig = noted[i];
            if (sig == prev)
            {
                continue;
            }
            prev = sig;
            final long v = signals.get(sig);
            if (v != lastEmitted[sig])
            {
                lastEmitted[sig] = v;
                recorder.valueChange(time, sig, v);
            }
        }
        notedCount = 0;
    }

    /** After a restore: records, at {@code time}, every probed signal whose value is not the last recorded. */
    void resync(final long time)
    {
        for (int sig = 0; sig < probed.length; sig++)
        {
            if (probed[sig] && lastEmitted[sig] != signals.get(sig))
            {
                lastEmitted[sig] = signals.get(sig);
                recorder.valueChange(time, sig, signals.get(sig));
            }
        }
    }
}
