package org.scfabric.bench.slurm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the user says about where and how long jobs run: partition, time limit, CPUs per task, and any
 * further sbatch options, each written as its own {@code #SBATCH} line. Checked when made, so a typo
 * is one line of bad input rather than a job the queue rejects later.
 */
public record SlurmOptions(String partition, String time, int cpusPerTask, List<String> sbatchArgs)
{
    /** Slurm's time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S. */
    private static final Pattern TIME = Pattern.compile("\\d+(:\\d{1,2}){0,2}|\\d+-\\d+(:\\d{1,2}){0,2}");

    /** Options the job scripts set themselves: given again they would break the array or its merge. */
    private static final List<String> OWN = List.of("--array", "-a", "--dependency", "-d", "--output", "-o", "--error",
        "-e", "--chdir", "-D", "--wrap", "--parsable", "--wait", "-W", "--cpus-per-task", "-c", "--partition", "-p",
        "--time", "-t", "--job-name", "-J");

    public SlurmOptions
    {
        if (partition != null && !partition.matches("[A-Za-z0-9_.,-]+"))
        {
            throw new IllegalArgumentException("--partition '" + partition + "' is not a partition name (letters, "
                + "digits, _ . - ; several separated by commas)");
        }
        if (time != null && !TIME.matcher(time).matches())
        {
            throw new IllegalArgumentException("--time '" + time + "' is not a Slurm time limit: give HH:MM:SS, "
                + "MM:SS, minutes, or D-HH:MM:SS");
        }
        if (time != null && !inRange(time))
        {
            throw new IllegalArgumentException("--time '" + time + "' is not a Slurm time limit: minutes and seconds "
                + "after the first field must be 0..59 (hours after D- 0..23); give HH:MM:SS, MM:SS, minutes, or "
                + "D-HH:MM:SS");
        }
        if (cpusPerTask < 1)
        {
            throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpusPerTask);
        }
        sbatchArgs = List.copyOf(sbatchArgs);
        for (final String a : sbatchArgs)
        {
            if (!a.startsWith("-") || a.contains("\n") || a.contains("\r"))
            {
                throw new IllegalArgumentException("--sbatch-arg '" + a + "' is not an sbatch option: give one option "
                    + "per --sbatch-arg, with its value, e.g. --sbatch-arg=--mem=4G or --sbatch-arg=--account=proj");
            }
            final String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a.split(" ")[0];
            if (OWN.contains(name))
            {
                throw new IllegalArgumentException("--sbatch-arg " + a + ": scfabric sets " + name + " itself"
                    + (List.of("--partition", "-p", "--time", "-t", "--cpus-per-task", "-c").contains(name)
                    ? " (use scfabric's own --partition, --time, --cpus-per-task)" : " (the array, its merge and "
                    + "their logs depend on it)"));
            }
        }
    }

    /** Every field after the first in range (the first may be any size: 90 minutes is a valid "90"). */
    private static boolean inRange(final String time)
    {
        final int dash = time.indexOf('-');
        final String[] f = time.substring(dash + 1).split(":");
        for (int i = dash < 0 ? 1 : 0; i < f.length; i++)
        {
            if (f[i].length() > 2 || Integer.parseInt(f[i]) > (dash >= 0 && i == 0 ? 23 : 59))
            {
                return false;
            }
        }
        return true;
    }

    /** The {@code #SBATCH} lines these options give (partition, time, CPUs per task, then the extra ones). */
    public void addTo(final SlurmJobScript.Builder b)
    {
        b.directive("--cpus-per-task=" + cpusPerTask);
        if (partition != null)
        {
            b.directive("--partition=" + partition);
        }
        if (time != null)
        {
            b.directive("--time=" + time);
        }
        sbatchArgs.forEach(b::directive);
    }
}
