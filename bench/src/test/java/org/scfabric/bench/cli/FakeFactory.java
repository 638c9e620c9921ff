package org.scfabric.bench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scfabric.bench.brunel.BrunelParams;
import org.scfabric.bench.brunel.Variant;

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
        if (cls == TranslateCommand.class)
        {
            return cls.cast(new TranslateCommand(FakeFactory::translate));
        }
        return CommandLine.defaultFactory().create(cls);
    }

    /** A stand-in translator: a few derived figures, one nested map, one list. */
    static Map<String, Object> translate(final Variant v, final BrunelParams p)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", v.name());
        m.put("v_threshold", p.vThreshold());
        m.put("v_threshold_q", (int)(p.vThreshold() * 256));
        m.put("lambda", p.lambda());
        m.put("n_total", p.nTotal());
        m.put("neuron_kwargs", Map.of("tau_mem", p.tauMem()));
        m.put("taps", List.of(16, 14, 13, 11));
        return m;
    }
}
