package org.scfabric.net.nir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

import org.scfabric.net.CsrWeights;
import org.scfabric.net.Edge;
import org.scfabric.net.Kind;
import org.scfabric.net.Network;
import org.scfabric.net.NetworkException;
import org.scfabric.net.Node;
import org.scfabric.net.Tensor;

/**
 * Writes a {@link Network} as a NIR file (HDF5) with jHDF, so that {@link NirReader#read} gives back an equal
 * network: the same nodes in the same order, parameters to the bit and in their stored type (float32, float64,
 * int64), the same edges in the same order.
 *
 * <p>Layout, the one snnTorch, Norse, Rockpool and Sinabs write (NIR {@value #VERSION}): a dataset
 * {@code version} at the root; group {@code node} with {@code type} = {@code NIRGraph}, group {@code nodes} (one
 * subgroup per node: {@code type} and one dataset per parameter, Input and Output with {@code shape}) and
 * {@code edges}, an (E, 2) array of byte strings. Strings are fixed-length byte strings (what jHDF writes),
 * which h5py and NIR's reader take as {@code bytes}. The graph is written flat: the nodes of a subgraph keep
 * their hierarchical names ({@code lif1.lif}), as snnTorch writes a recurrent layer in its flat files.
 *
 * <p>The file is normalised, not copied: a parameter the reader's defaults give ({@code v_reset} = 0,
 * {@code w_in} = 1 as float64 scalars) is left out, as NIR 0.1 and 0.2 files leave it out; NIR 1.x
 * {@code input_type} groups of Input and Output become {@code shape}, a convolution's named padding becomes
 * numbers. What NIR cannot express travels in each node's {@code metadata} group (string datasets),
 * under the keys of {@link NirMetadata} (see docs/nir.md).
 */
public final class NirWriter
{
    /** The NIR version whose layout is written. */
    public static final String VERSION = "0.2.0";

    private NirWriter()
    {
    }

    /**
     * Writes {@code net} to {@code file}: into a temporary file beside it, moved into place at the end, so a
     * failure leaves no half-written file (and an existing file untouched). A network that NIR cannot hold
     * (a node name with '/', an empty parameter, a
     * {@code scfabric.} metadata key that {@link NirMetadata} does not define) is a {@link NetworkException} naming the node, checked before
     * anything is written; an unwritable place is an {@link IOException}.
     */
    public static void write(final Network net, final Path file) throws IOException
    {
        check(net);
        final Path target = file.toAbsolutePath().normalize();
        final Path dir = target.getParent();
        if (dir == null)
        {
            throw new IOException(file + ": not a file path");
        }
        // empty and ours alone: jHDF writes into an existing file without truncating it
        final Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".partial-", "");
        // Ctrl-C or kill while writing: the temporary file goes too
        final Thread cleanup = new Thread(() -> deleteQuietly(tmp), "nir-writer-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try
        {
            writeTo(net, tmp);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix"))
            {
                // a temporary file is private (rw-------); the result is an ordinary file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            moveIntoPlace(tmp, target);
            done = true;
        }
        catch (final UncheckedIOException e)
        {
            throw e.getCause();
        }
        catch (final HdfException e)
        {
            // jHDF reports a failed write (disk full, ...) as its own runtime exception
            throw new IOException("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
        finally
        {
            if (!done)
            {
                Files.deleteIfExists(tmp);
            }
            try
            {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
            catch (final IllegalStateException e)
            {
                // already shutting down: the hook runs
            }
        }
    }

    private static void deleteQuietly(final Path tmp)
    {
        try
        {
            Files.deleteIfExists(tmp);
        }
        catch (final IOException e)
        {
            // best effort while the JVM stops
        }
    }

    private static void moveIntoPlace(final Path tmp, final Path target) throws IOException
    {
        try
        {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException e)
        {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Everything NIR (HDF5) cannot hold, refused before a byte is written. */
    private static void check(final Network net)
    {
        for (final Node n : net.nodes())
        {
            if (n.name().contains("/") || n.name().equals(".") || n.name().equals(".."))
            {
                throw new NetworkException("node '" + n.name() + "': a NIR node name cannot contain '/' or be . or ..");
            }
            for (final Map.Entry<String, Tensor> p : n.params().entrySet())
            {
                final String k = p.getKey();
                if (k.equals("type") || k.equals("metadata") || k.isEmpty() || k.contains("/") || k.startsWith("."))
                {
                    throw new NetworkException("node " + n.name() + ": a parameter cannot be named '" + k
                        + "' in NIR (type and metadata are taken; no '/')");
                }
                if (p.getValue().size() == 0)
                {
                    // jHDF cannot write an empty dataset, and readers skip one anyway
                    throw new NetworkException("node " + n.name() + " parameter " + k + " is empty " + p.getValue().shape()
                        + "; NIR files here hold parameters with at least one value");
                }
            }
            final String sk = n.metadata().get(NirMetadata.KIND);
            if (n.kind().scfabricKind() != null && sk != null && !sk.equals(n.kind().scfabricKind()))
            {
                throw new NetworkException("node " + n.name() + ": metadata " + NirMetadata.KIND + " '" + sk
                    + "' contradicts its kind (" + n.kind().scfabricKind() + ")");
            }
            for (final String k : n.metadata().keySet())
            {
                if (k.isEmpty() || k.contains("/") || k.startsWith("."))
                {
                    throw new NetworkException("node " + n.name() + ": metadata key '" + k + "' cannot be a NIR dataset name");
                }
                if (NirMetadata.unknownScfabricKey(k))
                {
                    throw new NetworkException("node " + n.name() + ": metadata key '" + k + "' is not one of scfabric's ("
                        + String.join(", ", NirMetadata.KEYS) + ")");
                }
            }
        }
    }

    private static void writeTo(final Network net, final Path tmp)
    {
        try (WritableHdfFile f = HdfFile.write(tmp))
        {
            f.putDataset("version", VERSION);
            final WritableGroup g = f.putGroup("node");
            g.putDataset("type", "NIRGraph");
            final WritableGroup nodes = g.putGroup("nodes");
            // jHDF keeps the order groups are put in, and NirReader reads them in that order: node order survives
            for (final Node n : net.nodes())
            {
                final WritableGroup ng = nodes.putGroup(n.name());
                ng.putDataset("type", n.kind().nirType());
                for (final Map.Entry<String, Tensor> p : n.params().entrySet())
                {
                    if (!isReadersDefault(n, p.getKey(), p.getValue()))
                    {
                        ng.putDataset(p.getKey(), data(p.getValue()));
                    }
                }
                if (n.kind() == Kind.CSR_LINEAR && !n.has("weight") && CsrWeights.denseFits(n))
                {
                    // NIR's reader builds a Linear from its weight alone: give it one while it is small
                    ng.putDataset("weight", data(CsrWeights.dense(n)));
                }
                final Map<String, String> meta = new java.util.LinkedHashMap<>();
                if (n.kind().scfabricKind() != null)
                {
                    // scfabric's own kinds are told from the NIR primitive they are written as by this key
                    meta.put(NirMetadata.KIND, n.kind().scfabricKind());
                }
                meta.putAll(n.metadata());
                if (!meta.isEmpty())
                {
                    final WritableGroup m = ng.putGroup("metadata");
                    for (final Map.Entry<String, String> e : meta.entrySet())
                    {
                        m.putDataset(e.getKey(), e.getValue());
                    }
                }
            }
            final List<Edge> edges = net.edges();
            if (!edges.isEmpty()) // jHDF cannot write an empty dataset; NirReader reads a missing one as no edges
            {
                final String[][] e = new String[edges.size()][];
                for (int i = 0; i < e.length; i++)
                {
                    e[i] = new String[] {edges.get(i).source(), edges.get(i).target()};
                }
                g.putDataset("edges", e);
            }
        }
    }

    /**
     * True for a parameter that is exactly what the reader fills in when it is missing (a float64 scalar
     * {@code v_reset} = 0 or {@code w_in} = 1): left out, it reads back the same, and NIR's reader, which wants
     * every parameter of a neuron in one shape, fills it in as it does for the files of NIR 0.1 and 0.2.
     */
    private static boolean isReadersDefault(final Node n, final String param, final Tensor t)
    {
        final Double d = n.kind().defaults().get(param);
        return d != null && t.shape().rank() == 0 && t.dtype() == Tensor.DType.FLOAT64
            && Double.doubleToRawLongBits(t.get(0)) == Double.doubleToRawLongBits(d);
    }

    /**
     * A tensor as the Java value jHDF writes with the tensor's own type and shape: a boxed scalar for rank 0,
     * else a (nested) primitive array. Values are narrowed back exactly: a FLOAT32 or INT64 tensor holds only
     * values that came from a float or a long.
     */
    static Object data(final Tensor t)
    {
        final int[] dims = t.shape().dims();
        if (dims.length == 0)
        {
            final double v = t.get(0);
            return switch (t.dtype())
            {
                case FLOAT32 -> (float) v;
                case FLOAT64 -> v;
                case INT64 -> (long) v;
                case INT32 -> (int) v;
            };
        }
        final Class<?> component = switch (t.dtype())
        {
            case FLOAT32 -> float.class;
            case FLOAT64 -> double.class;
            case INT64 -> long.class;
            case INT32 -> int.class;
        };
        final Object array = Array.newInstance(component, dims);
        fill(array, t, 0, dims.length, new int[] {0});
        return array;
    }

    /** Row-major: the innermost arrays take consecutive values. */
    private static void fill(final Object array, final Tensor t, final int depth, final int rank, final int[] next)
    {
        final int len = Array.getLength(array);
        if (depth == rank - 1)
        {
            for (int i = 0; i < len; i++)
            {
                final double v = t.get(next[0]++);
                switch (t.dtype())
                {
                    case FLOAT32 -> ((float[]) array)[i] = (float) v;
                    case FLOAT64 -> ((double[]) array)[i] = v;
                    case INT64 -> ((long[]) array)[i] = (long) v;
                    case INT32 -> ((int[]) array)[i] = (int) v;
                    default -> throw new IllegalStateException();
                }
            }
            return;
        }
        for (int i = 0; i < len; i++)
        {
            fill(Array.get(array, i), t, depth + 1, rank, next);
        }
    }
}
