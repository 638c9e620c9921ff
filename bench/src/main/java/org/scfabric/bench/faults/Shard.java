package org.scfabric.bench.faults;

/**
 * Shard {@code index} of {@code count}: the campaign items whose position p has p mod count = index.
 * Deterministic, and balanced however the items are ordered, so shards can run anywhere (a Slurm
 * array job: {@code --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT}).
 */
public record Shard(int index, int count)
{
    public static final Shard ALL = new Shard(0, 1);

    public Shard
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new IllegalArgumentException("bad shard " + index + "/" + count
                + ": expected i/n with n >= 1 and 0 <= i < n (e.g. 0/4 .. 3/4)");
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(final String spec)
    {
        final String s = spec == null ? "" : spec.trim();
        final int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1)
        {
            throw new IllegalArgumentException("bad shard '" + spec + "': expected i/n with 0 <= i < n (e.g. 0/4 .. 3/4)");
        }
        final int i;
        final int n;
        try
        {
            i = Integer.parseInt(s.substring(0, slash).trim());
            n = Integer.parseInt(s.substring(slash + 1).trim());
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("bad shard '" + spec + "': expected i/n with 0 <= i < n (e.g. 0/4 .. 3/4)");
        }
        if (n < 1 || i < 0 || i >= n)
        {
            throw new IllegalArgumentException("bad shard '" + spec + "': expected i/n with n >= 1 and 0 <= i < n "
                + "(e.g. 0/4 .. 3/4)");
        }
        return new Shard(i, n);
    }

    public boolean holds(final long position)
    {
        return position % count == index;
    }

    public boolean whole()
    {
        return count == 1;
    }

    @Override
    public String toString()
    {
        return index + "/" + count;
    }
}
