package org.scfabric.bench.slurm;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts this scfabric again — on a compute node that shares the file system:
 * the absolute path of this JVM's {@code java}, its options ({@code --add-modules jdk.incubator.vector},
 * {@code SCFABRIC_JAVA_OPTS}), and the absolute path of a jar.
 */
public record JavaLauncher(Path java, List<String> jvmOptions, Path jar)
{
    public JavaLauncher
    {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The running scfabric: its java, its JVM options (without debugger or agent options) and its jar.
     * An IllegalStateException when it does not run from a jar (from an IDE or the test classpath).
     */
    public static JavaLauncher current()
    {
        final Path java = ProcessHandle.current().info().command().map(Path::of)
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        final Path jar;
        try
        {
            final var src = JavaLauncher.class.getProtectionDomain().getCodeSource();
            jar = src == null ? null : Path.of(src.getLocation().toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException("cannot tell where scfabric's jar is: " + e.getMessage());
        }
        if (jar == null || !Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar"))
        {
            throw new IllegalStateException("scfabric runs from " + jar + ", not from its jar; start it with ./scfabric "
                + "(or java -jar bench/target/scfabric.jar) to submit jobs that run it again");
        }
        final List<String> opts = new ArrayList<>();
        for (final String o : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            // the launcher's class-data archive or AOT cache lives beside this machine's jar, not the job's pinned copy
            if (!o.startsWith("-agentlib") && !o.startsWith("-javaagent") && !o.startsWith("-Xrunjdwp")
                && !o.startsWith("-Xdebug") && !o.startsWith("-XX:SharedArchiveFile") && !o.startsWith("-Xlog:cds")
                && !o.startsWith("-XX:ArchiveClassesAtExit") && !o.startsWith("-Xshare") && !o.startsWith("-XX:AOTCache")
                && !o.startsWith("-XX:AOTMode") && !o.startsWith("-Xlog:aot"))
            {
                opts.add(o);
            }
        }
        return new JavaLauncher(java.toAbsolutePath(), opts, jar.toAbsolutePath());
    }

    /** The same java and options with another jar (a campaign's pinned copy). */
    public JavaLauncher withJar(final Path other)
    {
        return new JavaLauncher(java, jvmOptions, other.toAbsolutePath());
    }

    /** {@code java OPTIONS -jar JAR}: the words before scfabric's own arguments. */
    public List<String> words()
    {
        final List<String> w = new ArrayList<>();
        w.add(java.toString());
        w.addAll(jvmOptions);
        w.add("-jar");
        w.add(jar.toString());
        return w;
    }
}
