package org.scfabric.bench.report;

/**
 * One Brian2 mode's result ({@code runtime} or {@code cpp_standalone}), or why it has none.
 *
 * @param error null when the run succeeded; otherwise a one-line reason and every other figure NaN
 */
public record Brian2Row(String mode, String version, SpikeMetrics metrics, double buildS, double wallS, double peakMb,
    String error)
{
    public static Brian2Row failed(final String mode, final String error)
    {
        return new Brian2Row(mode, null, null, Double.NaN, Double.NaN, Double.NaN, error);
    }

    public boolean ok()
    {
        return error == null;
    }
}
