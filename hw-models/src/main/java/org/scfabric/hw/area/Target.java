package org.scfabric.hw.area;

import java.util.Locale;

/**
 * An FPGA family the area models estimate for, with the Yosys synthesis command they are
 * calibrated against.
 *
 * <ul>
 * <li>{@link #ICE40}: Lattice iCE40, 4-input LUTs ({@code SB_LUT4}), {@code synth_ice40} (no DSP
 * inference: multipliers are built from LUTs and {@code SB_CARRY}).</li>
 * <li>{@link #XC7}: Xilinx 7-series, 6-input LUTs ({@code LUT1..LUT6}), {@code synth_xilinx}
 * (multipliers go to {@code DSP48E1}), flattened, without I/O and clock buffers (a component is
 * a part of a larger design).</li>
 * </ul>
 */
public enum Target
{
    ICE40("ice40", "iCE40 (LUT4)", "synth_ice40 -top %s"),
    XC7("xc7", "Xilinx 7-series (LUT6)", "synth_xilinx -flatten -abc9 -noiopad -noclkbuf -top %s");

    private final String id;
    private final String title;
    private final String synth;

    Target(final String id, final String title, final String synth)
    {
        this.id = id;
        this.title = title;
        this.synth = synth;
    }

    /** Short name used on the command line and in tables: {@code ice40}, {@code xc7}. */
    public String id()
    {
        return id;
    }

    public String title()
    {
        return title;
    }

    /** The Yosys synthesis command for a top module. */
    public String synthCommand(final String top)
    {
        return String.format(Locale.ROOT, synth, top);
    }

    /** Parses {@code ice40} or {@code xc7} (case-insensitive); one clear error otherwise. */
    public static Target parse(final String s)
    {
        for (final Target t : values())
        {
            if (t.id.equalsIgnoreCase(s == null ? "" : s.trim()))
            {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + s + "' (accepted: ice40, xc7)");
    }
}
