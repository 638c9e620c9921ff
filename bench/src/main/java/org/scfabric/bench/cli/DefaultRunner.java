package org.scfabric.bench.cli;

import org.scfabric.bench.brunel.VariantRunner;

/** The real variant runner of this build. */
final class DefaultRunner
{
    private DefaultRunner()
    {
    }

    static VariantRunner get()
    {
        try
        {
            final Class<?> c = Class.forName("org.scfabric.bench.brunel.BrunelRunner");
            return (VariantRunner)c.getDeclaredConstructor().newInstance();
        }
        catch (final ReflectiveOperationException | ClassCastException e)
        {
            throw new IllegalStateException("this build has no Brunel variant runner yet"
                + " (org.scfabric.bench.brunel.BrunelRunner)", e);
        }
    }
}
