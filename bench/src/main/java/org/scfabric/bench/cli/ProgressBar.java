package org.scfabric.bench.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress line on stderr, redrawn in place ({@code \r}) at most every 100 ms; silent when
 * disabled (stderr is not a terminal). {@link #update} may be called from the simulating thread as
 * often as it likes.
 */
final class ProgressBar
{
    private static final int WIDTH = 30;
    private static final long REDRAW_NS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private String label = "";
    private long startNs;
    private long lastDrawNs;
    private int lastLength;

    ProgressBar(final PrintWriter err, final boolean enabled)
    {
        this.err = err;
        this.enabled = enabled;
    }

    boolean enabled()
    {
        return enabled;
    }

    synchronized void start(final String what)
    {
        label = what;
        startNs = System.nanoTime();
        lastDrawNs = startNs;
        if (enabled)
        {
            draw(0.0);
        }
    }

    /** @param fraction 0..1; NaN draws an indeterminate bar (elapsed time only) */
    void update(final double fraction)
    {
        if (!enabled)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastDrawNs < REDRAW_NS)
        {
            return;
        }
        synchronized (this)
        {
            lastDrawNs = now;
            draw(fraction);
        }
    }

    /** Ends the line with a summary. */
    synchronized void done(final String summary)
    {
        if (!enabled)
        {
            return;
        }
        final String line = String.format(Locale.ROOT, "%-34s %s", label, summary);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + "\n");
        err.flush();
        lastLength = 0;
    }

    private void draw(final double fraction)
    {
        final double secs = (System.nanoTime() - startNs) / 1e9;
        final String line;
        if (Double.isNaN(fraction))
        {
            line = String.format(Locale.ROOT, "%-34s [%s] %6.1f s", label, ".".repeat(WIDTH), secs);
        }
        else
        {
            final double f = Math.max(0, Math.min(1, fraction));
            final int filled = (int)Math.round(f * WIDTH);
            line = String.format(Locale.ROOT, "%-34s [%s%s] %3d%% %6.1f s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), (int)Math.floor(f * 100), secs);
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }
}
