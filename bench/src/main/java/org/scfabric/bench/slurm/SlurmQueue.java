package org.scfabric.bench.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Slurm says about jobs: {@code squeue} for jobs it still holds (pending, running and, for
 * MinJobAge seconds, finished ones), then {@code sacct} for older ones where accounting is on.
 * Array tasks are keyed {@code JOB_TASK} ({@code 12_3}), plain jobs by their id.
 */
public final class SlurmQueue
{
    /** One job or array task: its state (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...) and reason. */
    public record Job(String id, String state, String reason)
    {
        public boolean active()
        {
            return state.equals("PENDING") || state.equals("RUNNING") || state.equals("CONFIGURING")
                || state.equals("COMPLETING") || state.equals("REQUEUED") || state.equals("RESIZING")
                || state.equals("SUSPENDED") || state.startsWith("REQUEUE");
        }

        /** Waiting for a dependency that can no longer be met (a task it waits for failed). */
        public boolean stuck()
        {
            return state.equals("PENDING") && reason.startsWith("DependencyNeverSatisfied");
        }
    }

    private final Path squeue;
    private final Path sacct;

    public SlurmQueue(final SlurmTools tools)
    {
        this.squeue = tools.find("squeue").orElse(null);
        this.sacct = tools.find("sacct").orElse(null);
    }

    /** Whether squeue is there at all (without it nothing is known beyond the files). */
    public boolean available()
    {
        return squeue != null;
    }

    /** The jobs and array tasks of {@code jobIds} that Slurm knows of, by id (sorted); unknown ids are left out. */
    public Map<String, Job> jobs(final List<String> jobIds)
    {
        final Map<String, Job> m = new TreeMap<>();
        for (final String id : jobIds)
        {
            final List<Job> found = new ArrayList<>();
            if (squeue != null)
            {
                final Sbatch.Result r = Sbatch.run(List.of(squeue.toString(), "-h", "-r", "-t", "all", "-j", id, "-o",
                    "%i|%T|%r"));
                if (r.code() == 0)
                {
                    found.addAll(parse(r.out()));
                }
            }
            if (found.isEmpty() && sacct != null)
            {
                final Sbatch.Result r = Sbatch.run(List.of(sacct.toString(), "-n", "-P", "-X", "-j", id, "-o",
                    "JobID,State,Reason"));
                if (r.code() == 0)
                {
                    found.addAll(parse(r.out()));
                }
            }
            found.forEach(j -> m.put(j.id(), j));
        }
        return m;
    }

    /** Lines {@code id|STATE|reason}; sacct's {@code CANCELLED by 0} is CANCELLED. */
    static List<Job> parse(final String text)
    {
        final List<Job> jobs = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            final String[] f = line.strip().split("\\|", -1);
            if (f.length < 2 || f[0].isEmpty())
            {
                continue;
            }
            jobs.add(new Job(f[0], f[1].split(" ")[0], f.length > 2 ? f[2] : ""));
        }
        return jobs;
    }
}
