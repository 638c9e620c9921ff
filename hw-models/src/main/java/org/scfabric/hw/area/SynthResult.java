package org.scfabric.hw.area;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Yosys made of one point for one target. {@link #area()} counts:
 * <ul>
 * <li>iCE40: LUT = {@code SB_LUT4}; FF = every {@code SB_DFF*}; DSP = {@code SB_MAC16}; BRAM bits = 4096 per
 * {@code SB_RAM40_4K}.</li>
 * <li>xc7: LUT = {@code LUT1..LUT6}; FF = {@code FDRE, FDSE, FDCE, FDPE} (every {@code FD*}); DSP =
 * {@code DSP48E1}; BRAM bits = 36864 per {@code RAMB36E1}, 18432 per {@code RAMB18E1}.</li>
 * </ul>
 * Carry cells ({@code SB_CARRY}, {@code CARRY4}) and xc7 {@code INV} cells are reported apart and are
 * not LUTs: {@code synth_xilinx} puts an {@code INV} on the asynchronous clear of every flop reset by an
 * active-low {@code rst_n}, which a real implementation folds into the flop.
 *
 * @param cells every cell type and its count, as Yosys reported it
 */
public record SynthResult(AreaPoint point, Target target, Area area, long carry, long inv, Map<String, Long> cells,
    double seconds)
{
    public SynthResult
    {
        cells = Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    /** Counts the cells of a {@code stat} report as described above. */
    public static SynthResult of(final AreaPoint point, final Target target, final Map<String, Long> cells,
        final double seconds)
    {
        long lut = 0;
        long ff = 0;
        long dsp = 0;
        long bram = 0;
        long carry = 0;
        long inv = 0;
        for (final Map.Entry<String, Long> e : cells.entrySet())
        {
            final String k = e.getKey();
            final long n = e.getValue();
            if (target == Target.ICE40)
            {
                if (k.equals("SB_LUT4"))
                {
                    lut += n;
                }
                else if (k.startsWith("SB_DFF"))
                {
                    ff += n;
                }
                else if (k.equals("SB_CARRY"))
                {
                    carry += n;
                }
                else if (k.equals("SB_MAC16"))
                {
                    dsp += n;
                }
                else if (k.startsWith("SB_RAM40_4K"))
                {
                    bram += 4096 * n;
                }
            }
            else
            {
                if (k.matches("LUT[1-6]"))
                {
                    lut += n;
                }
                else if (k.startsWith("FD"))
                {
                    ff += n;
                }
                else if (k.equals("CARRY4"))
                {
                    carry += n;
                }
                else if (k.equals("INV"))
                {
                    inv += n;
                }
                else if (k.startsWith("DSP48"))
                {
                    dsp += n;
                }
                else if (k.startsWith("RAMB36"))
                {
                    bram += 36864 * n;
                }
                else if (k.startsWith("RAMB18"))
                {
                    bram += 18432 * n;
                }
            }
        }
        return new SynthResult(point, target, new Area(lut, ff, bram, dsp), carry, inv, cells, seconds);
    }
}
