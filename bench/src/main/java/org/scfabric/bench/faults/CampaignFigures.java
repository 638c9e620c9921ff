package org.scfabric.bench.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a campaign, computed from its outcomes alone: counts per class with mean errors,
 * and a sample's margin of error at 95 % confidence. {@link CampaignReport} writes them.
 */
final class CampaignFigures
{
    /** z for 95 % confidence, as Leveugle et al. (DATE 2009) use it. */
    static final double Z95 = 1.96;

    private CampaignFigures()
    {
    }

    /** Counts per class and mean figures (runs stopped by an error count as failed, not in the means). */
    static Map<String, Object> summary(final List<Outcome> outcomes)
    {
        long masked = 0;
        long degraded = 0;
        long failed = 0;
        long errors = 0;
        double sumRate = 0;
        double maxRate = 0;
        double sumVr = 0;
        double sumDelta = 0;
        long faults = 0;
        long measured = 0;
        for (final Outcome o : outcomes)
        {
            switch (o.cls())
            {
                case MASKED -> masked++;
                case DEGRADED -> degraded++;
                case FAILED -> failed++;
                default -> throw new IllegalStateException();
            }
            faults += o.faults();
            if (o.error() != null)
            {
                errors++;
                continue;
            }
            measured++;
            sumRate += o.rateError();
            maxRate = Math.max(maxRate, o.rateError());
            sumVr += o.vanRossum();
            sumDelta += o.spikeDelta();
        }
        final long n = outcomes.size();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", n);
        m.put("faults", faults);
        m.put("masked", masked);
        m.put("degraded", degraded);
        m.put("failed", failed);
        m.put("errors", errors);
        m.put("masked_fraction", n == 0 ? null : (double)masked / n);
        m.put("failed_fraction", n == 0 ? null : (double)failed / n);
        m.put("mean_rate_error", measured == 0 ? null : sumRate / measured);
        m.put("max_rate_error", measured == 0 ? null : maxRate);
        m.put("mean_van_rossum", measured == 0 ? null : sumVr / measured);
        m.put("mean_spike_delta", measured == 0 ? null : sumDelta / measured);
        return m;
    }

    /**
     * The margin of error of a sample of n faults out of a population of N at 95 % confidence
     * (Leveugle et al., DATE 2009): e = z·√(p(1−p)/n · (N−n)/(N−1)), with p = ½ (the worst case, what
     * the sample size was chosen for) and with p the observed masked fraction.
     */
    static Map<String, Object> margin(final long population, final List<Outcome> outcomes)
    {
        final long n = outcomes.size();
        long masked = 0;
        for (final Outcome o : outcomes)
        {
            masked += o.cls() == FaultClass.MASKED ? 1 : 0;
        }
        final double p = n == 0 ? 0.5 : (double)masked / n;
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("confidence", 0.95);
        m.put("population", population);
        m.put("sample", n);
        m.put("error", marginOfError(population, n, 0.5));
        m.put("masked_fraction", n == 0 ? null : p);
        m.put("masked_fraction_error", marginOfError(population, n, p));
        return m;
    }

    /** Leveugle's margin e for n of N at 95 % confidence and proportion p. */
    static double marginOfError(final long population, final long n, final double p)
    {
        if (n <= 0)
        {
            return 1.0;
        }
        final double fpc = population > 1 ? (double)(population - n) / (population - 1) : 0.0;
        return Z95 * Math.sqrt(p * (1 - p) / n * Math.max(0.0, fpc));
    }
}
