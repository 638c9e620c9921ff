package org.scfabric.sim;

/** DOT and JSON views of a {@link Design}, written by hand: small, dependency-free, stable order. */
final class NetlistExport
{
    private NetlistExport()
    {
    }

    static String dot(final Design d)
    {
        final StringBuilder sb = new StringBuilder(1024);
        sb.append("digraph design {\n  rankdir=LR;\n  node [fontname=\"monospace\"];\n");
        for (int s = 0; s < d.signalCount(); s++)
        {
            if (d.kind(s) == SignalKind.INPUT)
            {
                sb.append("  ").append(quote("in:" + d.signalName(s))).append(" [shape=ellipse,label=")
                    .append(quote(d.signalName(s) + " [" + d.width(s) + "]")).append("];\n");
            }
        }
        for (int i = 0; i < d.instanceCount(); i++)
        {
            final String kind = d.instanceClock(i) >= 0 ? "clocked @" + d.clocks().get(d.instanceClock(i)).name()
                : "comb";
            sb.append("  ").append(quote("inst:" + d.instanceName(i))).append(" [shape=box,label=")
                .append(quote(d.instanceName(i) + " : " + d.component(i).getClass().getSimpleName() + " (" + kind
                    + ")"))
                .append("];\n");
        }
        for (int i = 0; i < d.instanceCount(); i++)
        {
            for (final Design.PortInfo p : d.ports(i))
            {
                if (p.direction() != 0 || p.signal() == null)
                {
                    continue;
                }
                final int s = p.signal();
                final int drv = d.driver(s);
                final String from = drv < 0 ? "in:" + d.signalName(s) : "inst:" + d.instanceName(drv);
                sb.append("  ").append(quote(from)).append(" -> ").append(quote("inst:" + d.instanceName(i)))
                    .append(" [label=").append(quote(d.signalName(s) + " [" + d.width(s) + "] -> " + p.name()))
                    .append("];\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    static String json(final Design d)
    {
        final StringBuilder sb = new StringBuilder(2048);
        sb.append("{\n  \"clocks\": [");
        for (int c = 0; c < d.clocks().size(); c++)
        {
            final Clock k = d.clocks().get(c);
            sb.append(c == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(k.name()))
                .append(", \"period\": ").append(k.period()).append(", \"phase\": ").append(k.phase())
                .append(", \"parent\": ").append(k.parent() == null ? "null" : quote(k.parent().name())).append('}');
        }
        sb.append("\n  ],\n  \"signals\": [");
        for (int s = 0; s < d.signalCount(); s++)
        {
            sb.append(s == 0 ? "\n" : ",\n").append("    {\"id\": ").append(s).append(", \"name\": ")
                .append(quote(d.signalName(s))).append(", \"width\": ").append(d.width(s)).append(", \"kind\": ")
                .append(quote(d.kind(s).name().toLowerCase(java.util.Locale.ROOT))).append(", \"driver\": ")
                .append(d.driver(s) < 0 ? "null" : quote(d.instanceName(d.driver(s))));
            if (d.kind(s) == SignalKind.REGISTER)
            {
                sb.append(", \"clock\": ").append(quote(d.clocks().get(d.signalClock(s)).name()))
                    .append(", \"reset\": ").append(d.resetValue(s));
            }
            sb.append('}');
        }
        sb.append("\n  ],\n  \"memories\": [");
        for (int m = 0; m < d.memoryCount(); m++)
        {
            sb.append(m == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(d.memoryName(m)))
                .append(", \"width\": ").append(d.memoryWidth(m)).append(", \"depth\": ").append(d.memoryDepth(m))
                .append('}');
        }
        sb.append("\n  ],\n  \"instances\": [");
        for (int i = 0; i < d.instanceCount(); i++)
        {
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(d.instanceName(i)))
                .append(", \"type\": ").append(quote(d.component(i).getClass().getSimpleName()))
                .append(", \"clock\": ")
                .append(d.instanceClock(i) < 0 ? "null" : quote(d.clocks().get(d.instanceClock(i)).name()))
                .append(", \"ports\": [");
            boolean first = true;
            for (final Design.PortInfo p : d.ports(i))
            {
                sb.append(first ? "" : ", ").append("{\"name\": ").append(quote(p.name())).append(", \"dir\": ")
                    .append(quote(p.direction() == 0 ? "in" : p.direction() == 1 ? "out" : "reg"))
                    .append(", \"width\": ").append(p.width()).append(", \"net\": ")
                    .append(p.signal() == null ? "null" : quote(d.signalName(p.signal()))).append('}');
                first = false;
            }
            sb.append("]}");
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    static String quote(final String s)
    {
        final StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
