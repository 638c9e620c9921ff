package org.scfabric.bench.faults;

import java.util.List;
import java.util.Locale;

import org.scfabric.sim.fault.FaultKind;

/**
 * What a campaign does, independent of where it runs: the sites (globs), fault kinds and timing, and
 * one of three modes — every (site, kind) pair, a uniform sample of K of them, or trials of random
 * faults at given rates. Everything random is drawn from {@code seed}, so the same spec gives the
 * same faults on every machine and in every shard.
 *
 * @param at        when faults strike: {@code auto} (stuck-ats from cycle 0, flips at a random cycle),
 *                  {@code random} (every fault at a random cycle), or a cycle number
 * @param sample    K for a sampled campaign, 0 for an exhaustive one
 * @param rates     fault rates (fraction of the selected bits) for a rate campaign, empty otherwise
 * @param trials    trials per rate
 * @param tolerance rate error up to which a fault that changes spikes counts as degraded, not failed
 * @param tauMs     van Rossum time constant
 */
public record CampaignSpec(String sites, List<FaultKind> kinds, String at, int sample, long seed, List<Double> rates,
    int trials, double tolerance, double tauMs)
{
    public CampaignSpec
    {
        kinds = List.copyOf(kinds);
        rates = List.copyOf(rates);
        if (kinds.isEmpty())
        {
            throw new IllegalArgumentException("no fault kind given (accepted: sa0, sa1, flip)");
        }
        if (sample < 0)
        {
            throw new IllegalArgumentException("--sample must be >= 1, got " + sample);
        }
        if (!rates.isEmpty() && sample > 0)
        {
            throw new IllegalArgumentException("--sample and --rates do not go together: a rate campaign runs "
                + "--trials random fault sets per rate");
        }
        for (final double r : rates)
        {
            if (!(r > 0 && r <= 1))
            {
                throw new IllegalArgumentException("fault rates must be in (0, 1], got " + r);
            }
        }
        if (!rates.isEmpty() && trials < 1)
        {
            throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance))
        {
            throw new IllegalArgumentException("--tolerance must be a number >= 0, got " + tolerance);
        }
        if (!(tauMs > 0) || Double.isInfinite(tauMs))
        {
            throw new IllegalArgumentException("--tau-ms must be > 0, got " + tauMs);
        }
        at = at.trim().toLowerCase(Locale.ROOT);
        if (!at.equals("auto") && !at.equals("random"))
        {
            try
            {
                if (Long.parseLong(at) < 0)
                {
                    throw new NumberFormatException();
                }
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("bad --at '" + at + "': expected auto, random or a cycle number >= 0");
            }
        }
    }

    public String mode()
    {
        return !rates.isEmpty() ? "rates" : sample > 0 ? "sample" : "exhaustive";
    }

    /** Parses {@code sa0,sa1,flip} (any subset, any order, no repeats kept). */
    public static List<FaultKind> parseKinds(final String s)
    {
        if (s == null || s.isBlank())
        {
            throw new IllegalArgumentException("no fault kind given (accepted: sa0, sa1, flip)");
        }
        final java.util.LinkedHashSet<FaultKind> out = new java.util.LinkedHashSet<>();
        for (final String part : s.split(","))
        {
            out.add(FaultKind.parse(part));
        }
        return List.copyOf(out);
    }
}
