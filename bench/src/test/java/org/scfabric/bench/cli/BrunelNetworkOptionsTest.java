package org.scfabric.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scfabric.bench.cli.Cli.assertBadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code scfabric brunel --g --eta --j-mv --delay-ms --refractory-ms}: the values reach the run, bad ones exit 2. */
class BrunelNetworkOptionsTest
{
    @TempDir
    Path tmp;

    /** The fake runner of the last {@link #run}: a new one per command. */
    private FakeFactory fake;

    private Run run(final String... more)
    {
        final List<String> a = new java.util.ArrayList<>(List.of("brunel", "--neurons", "40", "--duration-ms", "50",
            "--no-plots", "--out", tmp.resolve("out").toString()));
        a.addAll(List.of(more));
        fake = new FakeFactory();
        return Cli.run(fake, a);
    }

    private BrunelParams ranWith(final String... more)
    {
        final Run r = run(more);
        assertEquals(0, r.code(), r.err());
        return fake.runner.params.get(0);
    }

    @Test
    void eachOptionReachesTheParameters() throws IOException
    {
        final BrunelParams base = BrunelParams.ofSize(40).withDuration(50);
        assertEquals(base, ranWith("--variants", "V1"));
        assertEquals(base, ranWith("--variants", "V1", "--g", "5", "--eta", "2", "--j-mv", "0.1", "--delay-ms", "0.1"),
            "the reference's values typed out are the reference's network");
        assertEquals(3.0, ranWith("--variants", "V1", "--g", "3").g());
        assertEquals(0.9, ranWith("--variants", "V1", "--eta", "0.9").eta());
        assertEquals(0.2, ranWith("--variants", "V1", "--j-mv", "0.2").weightExc());
        assertEquals(15, ranWith("--variants", "V1", "--delay-ms", "1.5").delaySteps());
        assertEquals(20, ranWith("--variants", "V1,V3", "--refractory-ms", "2").refractorySteps(0));
        final JsonNode j = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertEquals(2.0, j.at("/params/refractory_ms").asDouble());
        assertTrue(j.at("/runs/0/synchrony").isNumber() || j.at("/runs/0/synchrony").isNull());
        ranWith("--variants", "V1", "--g", "6", "--eta", "4");
        final JsonNode k = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertEquals(6.0, k.at("/params/g").asDouble());
        assertEquals(4.0, k.at("/params/eta").asDouble());
        assertFalse(k.at("/params").has("refractory_ms"), "a period nobody gave is not reported as given");
    }

    private void assertBad(final Run r, final String... fragments)
    {
        assertBadInput(r, fragments);
        assertTrue(fake.runner.ran.isEmpty(), "nothing ran");
        assertFalse(Files.exists(tmp.resolve("out/results.json")), "nothing written");
    }

    @Test
    void badValuesAreOneLineAndExit2()
    {
        assertBad(run("--g", "-1"), "--g -1", "0..100");
        assertBad(run("--g", "five"), "--g 'five'");
        assertBad(run("--eta", "NaN"), "--eta NaN");
        assertBad(run("--eta", "101"), "--eta 101");
        assertBad(run("--j-mv", "0"), "--j-mv 0", "> 0");
        assertBad(run("--j-mv", "0.001", "--variants", "V1"), "external kicks", "8 bits");
        assertBad(run("--delay-ms", "0"), "--delay-ms 0", "0.1..100");
        assertBad(run("--delay-ms", "0.15"), "not a whole number of 0.1 ms steps");
        assertBad(run("--refractory-ms", "-0.1"), "--refractory-ms");
        assertBad(run("--refractory-ms", "0.25"), "whole number");
    }

    @Test
    void variantsThatCannotModelAValueRefuseIt()
    {
        assertBad(run("--variants", "V1,V18", "--delay-ms", "1.5"), "V18", "one-step delay", "V1, V3, V11");
        assertBad(run("--variants", "V2", "--refractory-ms", "2"), "V2 has no refractory period", "V1, V3, V8");
        assertBad(run("--variants", "V1", "--g", "4", "--brian2"), "--brian2 runs the reference's network only");
    }
}
