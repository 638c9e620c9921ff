package org.scfabric.bench.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Submits job scripts with {@code sbatch} and cancels jobs with {@code scancel}. */
public final class Sbatch
{
    private final Path sbatch;
    private final SlurmTools tools;

    /** The sbatch of {@code tools}; no sbatch there is an IllegalArgumentException naming what needs it. */
    public Sbatch(final SlurmTools tools, final String why)
    {
        this.tools = tools;
        this.sbatch = tools.require("sbatch", why);
    }

    /**
     * Submits {@code script} (with any extra sbatch options before it) and returns the job id. sbatch
     * refusing the job (an unknown partition, a time over the limit, no controller) is an
     * IllegalArgumentException carrying sbatch's own words.
     */
    public String submit(final Path script, final List<String> options)
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(sbatch.toString());
        cmd.add("--parsable");
        cmd.addAll(options);
        cmd.add(script.toAbsolutePath().toString());
        final Result r = run(cmd);
        final String id = r.out.strip().split(";")[0];
        if (r.code != 0 || !id.matches("[0-9]+"))
        {
            throw new IllegalArgumentException("sbatch refused " + script.getFileName() + ": "
                + oneLine(r.err.isBlank() ? r.out : r.err) + (r.code != 0 ? " (exit " + r.code + ")" : ""));
        }
        return id;
    }

    /** Cancels jobs (whole arrays or single tasks such as {@code 12_3}); false when scancel failed. */
    public boolean cancel(final List<String> ids)
    {
        final Path scancel = tools.find("scancel").orElse(null);
        if (scancel == null || ids.isEmpty())
        {
            return false;
        }
        final List<String> cmd = new ArrayList<>();
        cmd.add(scancel.toString());
        cmd.addAll(ids);
        return run(cmd).code == 0;
    }

    record Result(int code, String out, String err)
    {
    }

    /** Runs a Slurm command to its end and returns its exit code, stdout and stderr. */
    static Result run(final List<String> cmd)
    {
        try
        {
            final Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            // stderr on its own thread: a command that fills one pipe while we read the other would hang
            final var err = new java.util.concurrent.CompletableFuture<String>();
            final Thread t = new Thread(() ->
            {
                try
                {
                    err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                catch (final IOException e)
                {
                    err.complete("");
                }
            }, "slurm-stderr");
            t.setDaemon(true);
            t.start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            final int code = p.waitFor();
            return new Result(code, out, err.join());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    static String oneLine(final String s)
    {
        return s.replace('\n', ' ').replace('\r', ' ').replaceAll(" +", " ").strip();
    }
}
