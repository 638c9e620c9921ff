package org.scfabric.hw.area;

/** FPGA resources of a design: LUTs, flip-flops, block-RAM bits and DSP blocks. */
public record Area(long lut, long ff, long bramBits, long dsp)
{
    public static final Area ZERO = new Area(0, 0, 0, 0);

    public Area plus(final Area o)
    {
        return new Area(lut + o.lut, ff + o.ff, bramBits + o.bramBits, dsp + o.dsp);
    }

    public Area times(final long n)
    {
        return new Area(lut * n, ff * n, bramBits * n, dsp * n);
    }
}
