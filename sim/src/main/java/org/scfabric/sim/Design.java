package org.scfabric.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.scfabric.sim.fault.FaultSites;

/**
 * An elaborated, checked netlist: signals (inputs, nets, registers), memories, instances and clocks,
 * all numbered, with the fan-out of every signal in compressed rows. Immutable once built; the
 * {@link Kernel} holds the values.
 */
public final class Design
{
    /** A port of an instance as elaborated: direction 0 in, 1 out, 2 internal register. */
    public record PortInfo(String name, int direction, int width, Integer signal)
    {
    }

    private final List<Clock> clocks;
    private final String[] signalName;
    private final int[] signalWidth;
    private final SignalKind[] signalKind;
    private final long[] signalReset;
    private final int[] signalDriver;
    private final int[] signalClock;
    private final int[] combFanoutStart;
    private final int[] combFanout;
    private final int[] clockedFanoutStart;
    private final int[] clockedFanout;
    private final String[] instanceName;
    private final Component[] instanceComponent;
    private final int[] instanceClock;
    private final List<List<PortInfo>> instancePorts;
    private final String[] memoryName;
    private final int[] memoryWidth;
    private final int[] memoryDepth;
    private final int[] memoryBase;
    private final int[] memoryInstance;
    private final int memoryWords;
    private final int[] bankBase;
    private final int[] bankCount;
    private final int[] bankInstance;
    private final EventBus bus = new EventBus();
    private FaultSites faultSites;

    private Design(final Builder b)
    {
        clocks = List.copyOf(b.clocks);
        final int n = b.names.size();
        signalName = b.names.toArray(new String[0]);
        signalWidth = Arrays.copyOf(b.widths, n);
        signalKind = b.kinds.toArray(new SignalKind[0]);
        signalReset = Arrays.copyOf(b.resets, n);
        signalDriver = Arrays.copyOf(b.drivers, n);
        signalClock = Arrays.copyOf(b.clockOf, n);
        final int[][] comb = csr(b.combReaders, n);
        combFanoutStart = comb[0];
        combFanout = comb[1];
        final int[][] clocked = csr(b.clockedReaders, n);
        clockedFanoutStart = clocked[0];
        clockedFanout = clocked[1];
        instanceName = b.instNames.toArray(new String[0]);
        instanceComponent = b.instComponents.toArray(new Component[0]);
        instanceClock = b.instClocks.stream().mapToInt(Integer::intValue).toArray();
        instancePorts = List.copyOf(b.instPorts);
        memoryName = b.memNames.toArray(new String[0]);
        memoryWidth = b.memWidths.stream().mapToInt(Integer::intValue).toArray();
        memoryDepth = b.memDepths.stream().mapToInt(Integer::intValue).toArray();
        memoryInstance = b.memInstances.stream().mapToInt(Integer::intValue).toArray();
        memoryBase = new int[memoryName.length];
        long words = 0;
        for (int m = 0; m < memoryName.length; m++)
        {
            memoryBase[m] = (int)words;
            words += memoryDepth[m];
        }
        if (words > Integer.MAX_VALUE - 8)
        {
            throw new NetlistException("memories hold " + words + " words in all; at most " + (Integer.MAX_VALUE - 8)
                + " are supported");
        }
        memoryWords = (int)words;
        bankBase = b.bankBases.stream().mapToInt(Integer::intValue).toArray();
        bankCount = b.bankCounts.stream().mapToInt(Integer::intValue).toArray();
        bankInstance = b.bankInstances.stream().mapToInt(Integer::intValue).toArray();
    }

    public int bankCount()
    {
        return bankBase.length;
    }

    /** Signal id of the first register of a bank; the others follow consecutively. */
    public int bankBase(final int bank)
    {
        return bankBase[bank];
    }

    public int bankSize(final int bank)
    {
        return bankCount[bank];
    }

    public int bankInstance(final int bank)
    {
        return bankInstance[bank];
    }

    private static int[][] csr(final List<long[]> pairs, final int n)
    {
        final int[] start = new int[n + 1];
        for (final long[] p : pairs)
        {
            start[(int)p[0] + 1]++;
        }
        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }
        final int[] fill = Arrays.copyOf(start, n);
        final int[] out = new int[pairs.size()];
        for (final long[] p : pairs)
        {
            out[fill[(int)p[0]]++] = (int)p[1];
        }
        // keep each row unique and in instance order: evaluation order is then independent of wiring order
        final int[] dedupStart = new int[n + 1];
        int w = 0;
        for (int s = 0; s < n; s++)
        {
            dedupStart[s] = w;
            final int[] row = Arrays.copyOfRange(out, start[s], start[s + 1]);
            Arrays.sort(row);
            for (int i = 0; i < row.length; i++)
            {
                if (i == 0 || row[i] != row[i - 1])
                {
                    out[w++] = row[i];
                }
            }
        }
        dedupStart[n] = w;
        return new int[][] {dedupStart, Arrays.copyOf(out, w)};
    }

    public List<Clock> clocks()
    {
        return clocks;
    }

    public Clock clock(final String name)
    {
        for (final Clock c : clocks)
        {
            if (c.name().equals(name))
            {
                return c;
            }
        }
        throw new NetlistException("no clock named '" + name + "'");
    }

    public EventBus bus()
    {
        return bus;
    }

    public int signalCount()
    {
        return signalName.length;
    }

    public String signalName(final int id)
    {
        return signalName[id];
    }

    public int width(final int id)
    {
        return signalWidth[id];
    }

    public SignalKind kind(final int id)
    {
        return signalKind[id];
    }

    public long resetValue(final int id)
    {
        return signalReset[id];
    }

    /** Index of the instance driving the signal, or -1 for a primary input. */
    public int driver(final int id)
    {
        return signalDriver[id];
    }

    /** Clock of a register, -1 for other signals. */
    public int signalClock(final int id)
    {
        return signalClock[id];
    }

    /** The id of a signal by its full name; one clear error if there is none. */
    public int signal(final String name)
    {
        for (int i = 0; i < signalName.length; i++)
        {
            if (signalName[i].equals(name))
            {
                return i;
            }
        }
        throw new NetlistException("no signal named '" + name + "'");
    }

    int combFanoutStart(final int signal)
    {
        return combFanoutStart[signal];
    }

    int combFanoutEnd(final int signal)
    {
        return combFanoutStart[signal + 1];
    }

    int[] combFanout()
    {
        return combFanout;
    }

    int clockedFanoutStart(final int signal)
    {
        return clockedFanoutStart[signal];
    }

    int clockedFanoutEnd(final int signal)
    {
        return clockedFanoutStart[signal + 1];
    }

    int[] clockedFanout()
    {
        return clockedFanout;
    }

    public int instanceCount()
    {
        return instanceName.length;
    }

    public String instanceName(final int i)
    {
        return instanceName[i];
    }

    public Component component(final int i)
    {
        return instanceComponent[i];
    }

    /** Clock id of an instance, -1 if combinational. */
    public int instanceClock(final int i)
    {
        return instanceClock[i];
    }

    public List<PortInfo> ports(final int instance)
    {
        return instancePorts.get(instance);
    }

    public int memoryCount()
    {
        return memoryName.length;
    }

    public String memoryName(final int m)
    {
        return memoryName[m];
    }

    public int memoryWidth(final int m)
    {
        return memoryWidth[m];
    }

    public int memoryDepth(final int m)
    {
        return memoryDepth[m];
    }

    public int memoryBase(final int m)
    {
        return memoryBase[m];
    }

    public int memoryInstance(final int m)
    {
        return memoryInstance[m];
    }

    public int memoryWords()
    {
        return memoryWords;
    }

    public int memory(final String name)
    {
        for (int m = 0; m < memoryName.length; m++)
        {
            if (memoryName[m].equals(name))
            {
                return m;
            }
        }
        throw new NetlistException("no memory named '" + name + "'");
    }

    /** Every bit of every signal and memory word, named, in a fixed order. */
    public synchronized FaultSites faultSites()
    {
        if (faultSites == null)
        {
            faultSites = FaultSites.of(this);
        }
        return faultSites;
    }

    /** Graphviz DOT: instances as boxes, primary inputs as ellipses, one edge per driver-to-reader. */
    public String toDot()
    {
        return NetlistExport.dot(this);
    }

    /** JSON: clocks, signals, memories and instances with their port connections. */
    public String toJson()
    {
        return NetlistExport.json(this);
    }

    static final class Builder
    {
        private final List<Clock> clocks;
        private final List<String> names = new ArrayList<>();
        private final List<String> driverNames = new ArrayList<>();
        private final List<SignalKind> kinds = new ArrayList<>();
        private int[] widths = new int[16];
        private long[] resets = new long[16];
        private int[] drivers = new int[16];
        private int[] clockOf = new int[16];
        private final List<long[]> combReaders = new ArrayList<>();
        private final List<long[]> clockedReaders = new ArrayList<>();
        private final List<String> instNames = new ArrayList<>();
        private final List<Component> instComponents = new ArrayList<>();
        private final List<Integer> instClocks = new ArrayList<>();
        private final List<List<PortInfo>> instPorts = new ArrayList<>();
        private final List<String> memNames = new ArrayList<>();
        private final List<Integer> memWidths = new ArrayList<>();
        private final List<Integer> memDepths = new ArrayList<>();
        private final List<Integer> memInstances = new ArrayList<>();
        private final List<Integer> bankBases = new ArrayList<>();
        private final List<Integer> bankCounts = new ArrayList<>();
        private final List<Integer> bankInstances = new ArrayList<>();

        Builder(final List<Clock> clocks)
        {
            this.clocks = clocks;
        }

        int addSignal(final String name, final int width, final SignalKind kind, final long reset, final int driver,
            final int clock)
        {
            final int id = names.size();
            if (id == widths.length)
            {
                widths = Arrays.copyOf(widths, id * 2);
                resets = Arrays.copyOf(resets, id * 2);
                drivers = Arrays.copyOf(drivers, id * 2);
                clockOf = Arrays.copyOf(clockOf, id * 2);
            }
            names.add(name);
            driverNames.add(kind == SignalKind.INPUT ? "primary input" : name);
            kinds.add(kind);
            widths[id] = width;
            resets[id] = reset & mask(width);
            drivers[id] = driver;
            clockOf[id] = clock;
            return id;
        }

        int signalCount()
        {
            return names.size();
        }

        int addBank(final int base, final int count, final int instance)
        {
            bankBases.add(base);
            bankCounts.add(count);
            bankInstances.add(instance);
            return bankBases.size() - 1;
        }

        void setDriverName(final int id, final String driver)
        {
            driverNames.set(id, driver);
        }

        String driverName(final int id)
        {
            return driverNames.get(id);
        }

        int width(final int id)
        {
            return widths[id];
        }

        void addReader(final int signal, final int instance, final boolean clocked)
        {
            (clocked ? clockedReaders : combReaders).add(new long[] {signal, instance});
        }

        int addMemory(final String name, final int width, final int depth, final int instance)
        {
            memNames.add(name);
            memWidths.add(width);
            memDepths.add(depth);
            memInstances.add(instance);
            return memNames.size() - 1;
        }

        void addInstance(final String name, final Component c, final int clock, final List<PortInfo> ports)
        {
            instNames.add(name);
            instComponents.add(c);
            instClocks.add(clock);
            instPorts.add(ports);
        }

        Design build()
        {
            return new Design(this);
        }
    }

    /** All-ones mask of {@code width} bits (1..64). */
    public static long mask(final int width)
    {
        return width >= 64 ? -1L : (1L << width) - 1;
    }
}
