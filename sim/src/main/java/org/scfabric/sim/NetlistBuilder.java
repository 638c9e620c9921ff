package org.scfabric.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a netlist in Java and checks it at {@link #build()}: undriven inputs, two drivers on a net,
 * width mismatches, unknown ports and names — each one clear {@link NetlistException} naming the place.
 *
 * <pre>{@code
 * NetlistBuilder b = new NetlistBuilder();
 * Clock clk = b.clock("clk", 10, 0);
 * b.input("x", 16);
 * b.add("enc[0]", new MyEncoder()).clock(clk).connect("x_value", "x").connect("bit_out", "xbit0");
 * Design d = b.build();
 * }</pre>
 */
public final class NetlistBuilder
{
    private final List<Clock> clocks = new ArrayList<>();
    private final Map<String, NetDecl> nets = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    static final int DIR_IN = 0;
    static final int DIR_OUT = 1;
    static final int DIR_REG = 2;
    static final int DIR_BANK = 3;

    public Clock clock(final String name, final long period, final long phase)
    {
        if (period <= 0 || phase < 0)
        {
            throw new NetlistException("clock '" + name + "': period must be > 0 and phase >= 0 (got period "
                + period + ", phase " + phase + ")");
        }
        return addClock(new Clock(name, clocks.size(), period, phase, null));
    }

    /** A strobe with one edge every {@code divide} edges of {@code parent}, starting at parent edge {@code offset}. */
    public Clock derivedClock(final String name, final Clock parent, final long divide, final long offset)
    {
        if (divide <= 0 || offset < 0)
        {
            throw new NetlistException("clock '" + name + "': divide must be > 0 and offset >= 0 (got divide "
                + divide + ", offset " + offset + ")");
        }
        return addClock(new Clock(name, clocks.size(), parent.period() * divide, parent.edgeTime(offset), parent));
    }

    private Clock addClock(final Clock c)
    {
        for (final Clock other : clocks)
        {
            if (other.name().equals(c.name()))
            {
                throw new NetlistException("clock '" + c.name() + "' is declared twice");
            }
        }
        clocks.add(c);
        return c;
    }

    /** A primary input, driven by the test bench. */
    public NetlistBuilder input(final String name, final int width)
    {
        declareNet(name, width, true);
        return this;
    }

    /** Declare a net and its width; nets named only in {@code connect} take the width of their driver. */
    public NetlistBuilder net(final String name, final int width)
    {
        declareNet(name, width, false);
        return this;
    }

    private void declareNet(final String name, final int width, final boolean primaryInput)
    {
        checkWidth("net '" + name + "'", width);
        if (nets.containsKey(name))
        {
            throw new NetlistException("net '" + name + "' is declared twice");
        }
        nets.put(name, new NetDecl(name, width, primaryInput));
    }

    public Instance add(final String name, final Component component)
    {
        if (name == null || name.isEmpty())
        {
            throw new NetlistException("an instance needs a name");
        }
        if (instances.containsKey(name))
        {
            throw new NetlistException("instance '" + name + "' is declared twice");
        }
        final Instance inst = new Instance(name, component, instances.size());
        component.declare(inst);
        instances.put(name, inst);
        return inst;
    }

    static void checkWidth(final String what, final int width)
    {
        if (width < 1 || width > 64)
        {
            throw new NetlistException(what + ": width must be 1..64 bits, was " + width);
        }
    }

    /** Elaborate: check everything and freeze the design. */
    public Design build()
    {
        final Design.Builder d = new Design.Builder(clocks);
        final Map<String, Integer> signalIds = new LinkedHashMap<>();

        for (final NetDecl n : nets.values())
        {
            if (n.primaryInput)
            {
                signalIds.put(n.name, d.addSignal(n.name, n.width, SignalKind.INPUT, 0, -1, -1));
            }
        }

        // Drivers first: outputs of every instance, then internal registers.
        for (final Instance inst : instances.values())
        {
            final boolean clocked = inst.component instanceof ClockedComponent;
            if (clocked && inst.clock == null)
            {
                throw new NetlistException("instance '" + inst.name + "' is clocked but has no clock (call .clock(...))");
            }
            if (!clocked && !(inst.component instanceof CombinationalComponent))
            {
                throw new NetlistException("instance '" + inst.name
                    + "' is neither a ClockedComponent nor a CombinationalComponent");
            }
            for (final PortDecl p : inst.ports.values())
            {
                if (p.dir == DIR_IN)
                {
                    continue;
                }
                if (p.dir == DIR_BANK)
                {
                    if (!clocked)
                    {
                        throw new NetlistException("instance '" + inst.name + "' declares register bank '" + p.name
                            + "' but is not clocked");
                    }
                    final int base = d.signalCount();
                    for (int i = 0; i < p.count; i++)
                    {
                        final String local = bankRegisterName(p.name, i);
                        final String regName = inst.name + "." + local;
                        if (signalIds.containsKey(regName) || nets.containsKey(regName))
                        {
                            throw new NetlistException("net '" + regName + "' has two drivers");
                        }
                        final int id = d.addSignal(regName, p.width, SignalKind.REGISTER, p.reset, inst.index,
                            inst.clock.id());
                        signalIds.put(regName, id);
                        inst.bound.put(local, id);
                    }
                    inst.bound.put(p.name, base);
                    inst.boundBanks.put(p.name, d.addBank(base, p.count, inst.index));
                    continue;
                }
                final String netName = p.dir == DIR_REG ? inst.name + "." + p.name
                    : inst.connections.getOrDefault(p.name, inst.name + "." + p.name);
                final NetDecl declared = nets.get(netName);
                if (declared != null && declared.primaryInput)
                {
                    throw new NetlistException("net '" + netName + "' has two drivers: primary input and "
                        + inst.name + "." + p.name);
                }
                if (declared != null && declared.width != p.width)
                {
                    throw widthMismatch(netName, declared.width, inst.name + "." + p.name, p.width);
                }
                final Integer existing = signalIds.get(netName);
                if (existing != null)
                {
                    throw new NetlistException("net '" + netName + "' has two drivers: "
                        + d.driverName(existing) + " and " + inst.name + "." + p.name);
                }
                final SignalKind kind = clocked ? SignalKind.REGISTER : SignalKind.NET;
                if (p.dir == DIR_REG && !clocked)
                {
                    throw new NetlistException("instance '" + inst.name + "' declares register '" + p.name
                        + "' but is not clocked");
                }
                final int id = d.addSignal(netName, p.width, kind, p.reset, inst.index,
                    clocked ? inst.clock.id() : -1);
                d.setDriverName(id, inst.name + "." + p.name);
                signalIds.put(netName, id);
                inst.bound.put(p.name, id);
            }
        }

        for (final NetDecl n : nets.values())
        {
            if (!signalIds.containsKey(n.name))
            {
                throw new NetlistException("net '" + n.name + "' is declared but has no driver");
            }
        }

        for (final Instance inst : instances.values())
        {
            for (final String port : inst.connections.keySet())
            {
                if (!inst.ports.containsKey(port))
                {
                    throw unknownPort(inst, port);
                }
            }
            for (final PortDecl p : inst.ports.values())
            {
                if (p.dir != DIR_IN)
                {
                    continue;
                }
                final String netName = inst.connections.get(p.name);
                if (netName == null)
                {
                    throw new NetlistException("undriven input: " + inst.name + "." + p.name + " is not connected");
                }
                final Integer id = signalIds.get(netName);
                if (id == null)
                {
                    throw new NetlistException("undriven input: " + inst.name + "." + p.name + " reads net '"
                        + netName + "', which nothing drives");
                }
                final int width = d.width(id);
                if (width != p.width)
                {
                    throw widthMismatch(netName, width, inst.name + "." + p.name, p.width);
                }
                inst.bound.put(p.name, id);
                d.addReader(id, inst.index, inst.component instanceof ClockedComponent);
            }
            for (final MemDecl m : inst.memories.values())
            {
                inst.boundMemories.put(m.name, d.addMemory(inst.name + "." + m.name, m.width, m.depth, inst.index));
            }
            d.addInstance(inst.name, inst.component, inst.clock == null ? -1 : inst.clock.id(), inst.portSummary());
        }

        final Design design = d.build();
        for (final Instance inst : instances.values())
        {
            inst.component.bind(new InstanceBinding(inst, design));
        }
        return design;
    }

    /** Register i of a bank: {@code name[i]}, or the name with {@code %d} replaced by i ({@code lif[%d].v}). */
    public static String bankRegisterName(final String bank, final int i)
    {
        return bank.contains("%d") ? bank.replace("%d", Integer.toString(i)) : bank + "[" + i + "]";
    }

    private static NetlistException widthMismatch(final String net, final int netWidth, final String port,
        final int portWidth)
    {
        return new NetlistException("width mismatch: net '" + net + "' is " + netWidth + " bits, port " + port
            + " is " + portWidth + " bits");
    }

    private static NetlistException unknownPort(final Instance inst, final String port)
    {
        final StringBuilder known = new StringBuilder();
        for (final PortDecl p : inst.ports.values())
        {
            if (p.dir < DIR_REG)
            {
                known.append(known.length() == 0 ? "" : ", ").append(p.name);
            }
        }
        return new NetlistException("instance '" + inst.name + "' has no port '" + port + "' (ports: " + known + ")");
    }

    private record NetDecl(String name, int width, boolean primaryInput)
    {
    }

    private record PortDecl(String name, int dir, int width, long reset, int count)
    {
        PortDecl(final String name, final int dir, final int width, final long reset)
        {
            this(name, dir, width, reset, 1);
        }
    }

    private record MemDecl(String name, int width, int depth)
    {
    }

    /** An instance being wired: {@code connect} its ports to nets, give it a {@code clock}. */
    public static final class Instance implements Declarations
    {
        private final String name;
        private final Component component;
        private final int index;
        private final Map<String, PortDecl> ports = new LinkedHashMap<>();
        private final Map<String, MemDecl> memories = new LinkedHashMap<>();
        private final Map<String, String> connections = new LinkedHashMap<>();
        private final Map<String, Integer> bound = new LinkedHashMap<>();
        private final Map<String, Integer> boundMemories = new LinkedHashMap<>();
        private final Map<String, Integer> boundBanks = new LinkedHashMap<>();
        private Clock clock;

        Instance(final String name, final Component component, final int index)
        {
            this.name = name;
            this.component = component;
            this.index = index;
        }

        public Instance connect(final String port, final String net)
        {
            final PortDecl p = ports.get(port);
            if (p == null || p.dir >= DIR_REG)
            {
                throw unknownPort(this, port);
            }
            if (connections.containsKey(port))
            {
                throw new NetlistException("port " + name + "." + port + " is connected twice");
            }
            connections.put(port, net);
            return this;
        }

        public Instance clock(final Clock c)
        {
            if (!(component instanceof ClockedComponent))
            {
                throw new NetlistException("instance '" + name + "' is combinational and takes no clock");
            }
            this.clock = c;
            return this;
        }

        public String name()
        {
            return name;
        }

        @Override
        public void input(final String port, final int width)
        {
            addPort(new PortDecl(port, DIR_IN, width, 0));
        }

        @Override
        public void output(final String port, final int width)
        {
            addPort(new PortDecl(port, DIR_OUT, width, 0));
        }

        @Override
        public void output(final String port, final int width, final long resetValue)
        {
            addPort(new PortDecl(port, DIR_OUT, width, resetValue));
        }

        @Override
        public void register(final String reg, final int width, final long resetValue)
        {
            addPort(new PortDecl(reg, DIR_REG, width, resetValue));
        }

        @Override
        public void registerBank(final String bank, final int width, final int count, final long resetValue)
        {
            if (count < 1)
            {
                throw new NetlistException("register bank " + name + "." + bank + ": count must be >= 1, was " + count);
            }
            addPort(new PortDecl(bank, DIR_BANK, width, resetValue, count));
        }

        @Override
        public void memory(final String mem, final int width, final int depth)
        {
            checkWidth("memory " + name + "." + mem, width);
            if (depth < 1)
            {
                throw new NetlistException("memory " + name + "." + mem + ": depth must be >= 1, was " + depth);
            }
            if (memories.containsKey(mem) || ports.containsKey(mem))
            {
                throw new NetlistException("instance '" + name + "' declares '" + mem + "' twice");
            }
            memories.put(mem, new MemDecl(mem, width, depth));
        }

        private void addPort(final PortDecl p)
        {
            checkWidth("port " + name + "." + p.name, p.width);
            if (ports.containsKey(p.name) || memories.containsKey(p.name))
            {
                throw new NetlistException("instance '" + name + "' declares '" + p.name + "' twice");
            }
            ports.put(p.name, p);
        }

        List<Design.PortInfo> portSummary()
        {
            final List<Design.PortInfo> out = new ArrayList<>();
            for (final PortDecl p : ports.values())
            {
                out.add(new Design.PortInfo(p.name, Math.min(p.dir, DIR_REG), p.width, bound.get(p.name)));
            }
            return out;
        }
    }

    private static final class InstanceBinding implements Binding
    {
        private final Instance inst;
        private final Design design;

        InstanceBinding(final Instance inst, final Design design)
        {
            this.inst = inst;
            this.design = design;
        }

        @Override
        public int signal(final String localName)
        {
            final Integer id = inst.bound.get(localName);
            if (id == null)
            {
                throw new NetlistException("instance '" + inst.name + "' binds '" + localName
                    + "', which it did not declare");
            }
            return id;
        }

        @Override
        public int memory(final String localName)
        {
            final Integer id = inst.boundMemories.get(localName);
            if (id == null)
            {
                throw new NetlistException("instance '" + inst.name + "' binds memory '" + localName
                    + "', which it did not declare");
            }
            return id;
        }

        @Override
        public int bank(final String localName)
        {
            final Integer id = inst.boundBanks.get(localName);
            if (id == null)
            {
                throw new NetlistException("instance '" + inst.name + "' binds bank '" + localName
                    + "', which it did not declare");
            }
            return id;
        }

        @Override
        public Clock clock()
        {
            return inst.clock;
        }

        @Override
        public String instanceName()
        {
            return inst.name;
        }

        @Override
        public EventBus bus()
        {
            return design.bus();
        }
    }
}
