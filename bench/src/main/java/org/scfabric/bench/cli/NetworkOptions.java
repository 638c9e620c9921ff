package org.scfabric.bench.cli;

import java.util.Locale;

import org.scfabric.bench.brunel.BrunelParams;

/**
 * The Brunel network's own parameters as options ({@code --g}, {@code --eta}, {@code --j-mv},
 * {@code --delay-ms}, {@code --refractory-ms}): each value checked into one {@link BadInputException}
 * naming the option, and applied to the parameters. The defaults are the reference's and give its
 * parameters unchanged (not recomputed), so every default run stays the reference's to the bit.
 */
final class NetworkOptions
{
    /** Bounds that keep the network meaningful and its fixed-point images in range. */
    static final double MAX_G = 100;
    static final double MAX_ETA = 100;
    static final double MAX_J = 10;
    static final double MAX_TIME_MS = 100;
    /** The largest mean drive per neuron and step: a Poisson(100) count passes 255 (8 bits) with p < 1e-40. */
    static final double MAX_LAMBDA = 100;

    private NetworkOptions()
    {
    }

    /** p with the given values; {@code refractoryMs} null keeps each variant's own period. */
    static BrunelParams apply(final BrunelParams p, final String g, final String eta, final String jMv,
        final String delayMs, final String refractoryMs)
    {
        final double gv = number(g, "--g", "a number 0.." + plain(MAX_G), 0, MAX_G, true);
        final double ev = number(eta, "--eta", "a number 0.." + plain(MAX_ETA), 0, MAX_ETA, true);
        final double jv = number(jMv, "--j-mv", "a number of mV > 0 and <= " + plain(MAX_J), 0, MAX_J, false);
        final double dv = steps(delayMs, "--delay-ms", p.dt(), p.dt());
        BrunelParams q = p;
        // only a changed value is set: a default typed out gives the reference's parameters bit for bit
        if (gv != p.g())
        {
            q = q.withG(gv);
        }
        if (ev != p.eta())
        {
            q = q.withEta(ev);
        }
        if (jv != p.weightExc())
        {
            q = q.withJ(jv);
        }
        if (dv != p.delayMs())
        {
            q = q.withDelay(dv);
        }
        if (refractoryMs != null)
        {
            q = q.withRefractory(steps(refractoryMs, "--refractory-ms", 0, p.dt()));
        }
        if (q.lambda() > MAX_LAMBDA)
        {
            throw new BadInputException(String.format(Locale.ROOT, "--eta %s with --j-mv %s gives %.4g external kicks per"
                + " neuron and step; the drive registers hold 8 bits, so keep eta · %s mV / J <= %s", eta.trim(),
                jMv.trim(), q.lambda(), plain(p.lambda() / p.eta() * p.weightExc()), plain(MAX_LAMBDA)));
        }
        return q;
    }

    private static double number(final String s, final String option, final String accepted, final double min,
        final double max, final boolean minIncluded)
    {
        final double v;
        try
        {
            v = Double.parseDouble(s.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new BadInputException(option + " '" + s + "' is not " + accepted);
        }
        if (Double.isNaN(v) || v > max || (minIncluded ? v < min : v <= min))
        {
            throw new BadInputException(option + " " + s + " is out of range; give " + accepted);
        }
        return v;
    }

    /** A time in ms, min..MAX_TIME_MS, a whole number of steps of dt. */
    private static double steps(final String s, final String option, final double min, final double dt)
    {
        final String accepted = "a number of ms " + plain(min) + ".." + plain(MAX_TIME_MS) + " in whole steps of dt = "
            + plain(dt) + " ms";
        final double v = number(s, option, accepted, min, MAX_TIME_MS, true);
        final double r = v / dt;
        if (Math.abs(r - Math.rint(r)) > 1e-9 * Math.max(1, Math.rint(r)))
        {
            throw new BadInputException(option + " " + s + " is not a whole number of " + plain(dt) + " ms steps; give "
                + accepted);
        }
        return v;
    }

    private static String plain(final double v)
    {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
