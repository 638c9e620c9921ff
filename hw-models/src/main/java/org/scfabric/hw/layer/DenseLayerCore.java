package org.scfabric.hw.layer;

import org.scfabric.hw.lif.LifCore;
import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.LfsrEncoderModel;
import org.scfabric.hw.sc.PopcountToCurrent;
import org.scfabric.hw.sc.SeedPlan;

/**
 * {@code sc_dense_layer_core} (docs/spec/hardware.md §5); twin of {@code rtl/sc_dense_layer_core.v}.
 * N_INPUTS input encoders (seed 0xACE1 + 7i) and N_INPUTS weight encoders (0xBEEF + 13i), one AND
 * per input, one popcount-to-current block whose I_t (combinational, from the registered encoder
 * bits) feeds every LIF; noise 0. Encoders and neurons run freely from reset.
 * <p>
 * Control FSM: on an edge with {@code start_pulse} while not running, running goes high and stays
 * high for exactly stream_len cycles; on the edge that ends it, run_done goes high for one cycle.
 * stream_len = 0 pulses run_done on the start edge without running. A start while running is ignored.
 */
public final class DenseLayerCore
{
    public static final int LEN_MASK = 0xFFFF;

    private final int nInputs;
    private final int nNeurons;
    private final LfsrEncoderModel[] xEnc;
    private final LfsrEncoderModel[] wEnc;
    private final LifCore[] lif;

    private int running;
    private int left;
    private int runDone;
    private int runningNext;
    private int leftNext;
    private int runDoneNext;

    public DenseLayerCore(final int nInputs, final int nNeurons, final LifParams lifParams)
    {
        if (nInputs < 1 || nInputs > 64 || nNeurons < 1 || nNeurons > 64)
        {
            throw new IllegalArgumentException("N_INPUTS and N_NEURONS must be 1..64");
        }
        if (lifParams.dataWidth() != 16)
        {
            throw new IllegalArgumentException("the dense core's I_t is 16 bits: LIF DATA_WIDTH must be 16");
        }
        this.nInputs = nInputs;
        this.nNeurons = nNeurons;
        this.xEnc = new LfsrEncoderModel[nInputs];
        this.wEnc = new LfsrEncoderModel[nInputs];
        for (int i = 0; i < nInputs; i++)
        {
            xEnc[i] = new LfsrEncoderModel(SeedPlan.input(i));
            wEnc[i] = new LfsrEncoderModel(SeedPlan.weight(i));
        }
        this.lif = new LifCore[nNeurons];
        for (int j = 0; j < nNeurons; j++)
        {
            lif[j] = new LifCore(lifParams);
        }
    }

    /** Asynchronous reset of everything (encoders with t_index 0). */
    public void reset()
    {
        for (int i = 0; i < nInputs; i++)
        {
            xEnc[i].reset(0);
            wEnc[i].reset(0);
        }
        for (final LifCore n : lif)
        {
            n.reset();
        }
        running = 0;
        left = 0;
        runDone = 0;
    }

    /**
     * One rising edge. {@code x[i]}, {@code w[i]} are unsigned 16-bit probabilities; y_min, y_max,
     * leak, gain signed 16-bit.
     */
    public void clock(final boolean startPulse, final int streamLen, final int[] x, final int[] w,
        final int yMin, final int yMax, final int leak, final int gain)
    {
        // phase 1: everything reads current register values
        final int current = current(yMin, yMax);
        for (final LifCore n : lif)
        {
            n.eval(leak, gain, current, 0);
        }
        for (int i = 0; i < nInputs; i++)
        {
            xEnc[i].eval(x[i]);
            wEnc[i].eval(w[i]);
        }
        evalControl(startPulse, streamLen & LEN_MASK);
        // phase 2: commit
        for (final LifCore n : lif)
        {
            n.commit();
        }
        for (int i = 0; i < nInputs; i++)
        {
            xEnc[i].commit();
            wEnc[i].commit();
        }
        running = runningNext;
        left = leftNext;
        runDone = runDoneNext;
    }

    private void evalControl(final boolean start, final int len)
    {
        runDoneNext = 0;
        runningNext = running;
        leftNext = left;
        if (running != 0)
        {
            leftNext = left - 1;
            if (left == 1)
            {
                runningNext = 0;
                runDoneNext = 1;
            }
        }
        else if (start)
        {
            if (len == 0)
            {
                runDoneNext = 1;
            }
            else
            {
                runningNext = 1;
                leftNext = len;
            }
        }
    }

    /** The registered input stream bits, bit i = encoder i. */
    public long xBits()
    {
        long b = 0;
        for (int i = 0; i < nInputs; i++)
        {
            b |= (long)xEnc[i].bitOut() << i;
        }
        return b;
    }

    public long wBits()
    {
        long b = 0;
        for (int i = 0; i < nInputs; i++)
        {
            b |= (long)wEnc[i].bitOut() << i;
        }
        return b;
    }

    /** I_t now: popcount of x & w through the intended popcount-to-current. */
    public int current(final int yMin, final int yMax)
    {
        return PopcountToCurrent.currentOfBits(xBits() & wBits(), nInputs, yMin, yMax);
    }

    /** spike_out of every neuron, bit j = neuron j. */
    public long spikes()
    {
        long s = 0;
        for (int j = 0; j < nNeurons; j++)
        {
            s |= (long)lif[j].spike() << j;
        }
        return s;
    }

    public int v(final int j)
    {
        return lif[j].v();
    }

    public int running()
    {
        return running;
    }

    public int runDone()
    {
        return runDone;
    }

    public int nInputs()
    {
        return nInputs;
    }

    public int nNeurons()
    {
        return nNeurons;
    }

    /** The input encoder i, e.g. to put a fault on it. */
    public LfsrEncoderModel inputEncoder(final int i)
    {
        return xEnc[i];
    }

    public LfsrEncoderModel weightEncoder(final int i)
    {
        return wEnc[i];
    }

    public LifCore neuron(final int j)
    {
        return lif[j];
    }
}
