package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"translate", "--all", "--markdown"}, new PrintWriter(out, true),
            new PrintWriter(err, true)), err.toString());
        assertEquals(out.toString(), Files.readString(doc),
            "docs/parameters.md is stale: regenerate it with ./scfabric translate --all --markdown > docs/parameters.md");
    }
}
