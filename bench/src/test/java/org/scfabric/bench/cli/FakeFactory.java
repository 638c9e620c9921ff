package org.scfabric.bench.cli;

import picocli.CommandLine;

/** Makes commands with the fake runner. */
final class FakeFactory implements CommandLine.IFactory
{
    final FakeRunner runner = new FakeRunner();

    @Override
    public <K> K create(final Class<K> cls) throws Exception
    {
        if (cls == BrunelCommand.class)
        {
            return cls.cast(new BrunelCommand(runner));
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
