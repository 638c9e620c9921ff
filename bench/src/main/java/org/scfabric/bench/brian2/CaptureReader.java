package org.scfabric.bench.brian2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what the capture shim wrote: {@code capture.json} and the little-endian arrays it names
 * ({@code {"file": "a3.f64", "n": 4000}}).
 */
public final class CaptureReader
{
    private final Path folder;
    private final JsonNode root;

    public CaptureReader(final Path folder, final String json) throws IOException
    {
        this.folder = folder;
        this.root = new ObjectMapper().readTree(folder.resolve(json).toFile());
    }

    public JsonNode root()
    {
        return root;
    }

    public double[] doubles(final JsonNode ref) throws IOException
    {
        final ByteBuffer b = bytes(ref, 8);
        final double[] a = new double[ref.get("n").asInt()];
        b.asDoubleBuffer().get(a);
        return a;
    }

    public long[] longs(final JsonNode ref) throws IOException
    {
        final ByteBuffer b = bytes(ref, 8);
        final long[] a = new long[ref.get("n").asInt()];
        b.asLongBuffer().get(a);
        return a;
    }

    private ByteBuffer bytes(final JsonNode ref, final int width) throws IOException
    {
        final String name = ref.get("file").asText();
        if (name.contains("/") || name.contains(".."))
        {
            throw new IOException("capture names an array outside its folder: " + name);
        }
        final byte[] raw = Files.readAllBytes(folder.resolve(name));
        if (raw.length != (long) ref.get("n").asInt() * width)
        {
            throw new IOException("capture array " + name + " has " + raw.length + " bytes, expected "
                + ref.get("n").asInt() * width);
        }
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }
}
