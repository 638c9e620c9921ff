package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/parameters.md is generated from the translator and must not drift from it. */
class ParametersDocTest
{
    @Test
    void docsParametersIsWhatTheTranslatorSays() throws Exception
    {
        final Path doc = Path.of("..", "docs", "parameters.md");
        final Cli.Run r = Cli.run("translate", "--all", "--markdown");
        assertEquals(0, r.code(), r.err());
        assertEquals(r.out(), Files.readString(doc),
            "docs/parameters.md is stale: regenerate it with ./scfabric translate --all --markdown > docs/parameters.md");
    }
}
