package org.scfabric.hw.component;

import org.scfabric.hw.lif.LifParams;
import org.scfabric.hw.sc.SeedPlan;
import org.scfabric.sim.Clock;
import org.scfabric.sim.Design;
import org.scfabric.sim.Kernel;
import org.scfabric.sim.NetlistBuilder;

/**
 * {@code sc_dense_layer_core} (docs/spec/hardware.md §5) as a netlist of kernel components, under one name
 * prefix {@code P}:
 * <pre>
 *   P.x_enc[i], P.w_enc[i]   LfsrEncoder, seeds SeedPlan.input(i) / weight(i), t_index tied to 0
 *   P.x_cat, P.w_cat         Concat of the encoders' bit_out into P.x_bits, P.w_bits
 *   P.syn                    Synapse: P.post = P.x_bits &amp; P.w_bits
 *   P.p2c                    DotProductToCurrent: P.I_t from P.post, P.y_min, P.y_max
 *   P.lif[j]                 LifNeuron, leak_k, gain_k, I_t shared, noise_in tied to 0
 *   P.spike_cat              Concat of the spike_outs into P.spikes
 *   P.ctrl                   DenseControl: P.running, P.run_done (register P.ctrl.left)
 * </pre>
 * Primary inputs: {@code P.start_pulse}, {@code P.stream_len} (16), {@code P.x[i]}, {@code P.w[i]}
 * (16, unsigned), {@code P.y_min}, {@code P.y_max}, {@code P.leak_k}, {@code P.gain_k} (signed 16).
 * Neuron j's membrane is {@code P.lif[j].v} (fault sites {@code P.lif[j].v[0..15]}), its v_out
 * {@code P.lif[j].v_out}. Latency x/w → spike: 2 edges, as in the Verilog.
 */
public final class DenseLayerNetlist
{
    public static final int LEN_WIDTH = 16;

    private final String name;
    private final Clock clock;
    private final int nInputs;
    private final int nNeurons;
    private final LifParams params;

    private DenseLayerNetlist(final String name, final Clock clock, final int nInputs, final int nNeurons,
        final LifParams params)
    {
        this.name = name;
        this.clock = clock;
        this.nInputs = nInputs;
        this.nNeurons = nNeurons;
        this.params = params;
    }

    /** Adds a dense layer core named {@code name} on {@code clock} to the builder. */
    public static DenseLayerNetlist add(final NetlistBuilder b, final String name, final Clock clock, final int nInputs,
        final int nNeurons, final LifParams params)
    {
        if (nInputs < 1 || nInputs > 64 || nNeurons < 1 || nNeurons > 64)
        {
            throw new IllegalArgumentException("N_INPUTS and N_NEURONS must be 1..64, got " + nInputs + " and "
                + nNeurons);
        }
        if (params.dataWidth() != 16)
        {
            throw new IllegalArgumentException("the dense core's I_t is 16 bits: LIF DATA_WIDTH must be 16, got "
                + params.dataWidth());
        }
        final DenseLayerNetlist d = new DenseLayerNetlist(name, clock, nInputs, nNeurons, params);
        d.wire(b);
        return d;
    }

    private void wire(final NetlistBuilder b)
    {
        b.input(net("start_pulse"), 1);
        b.input(net("stream_len"), LEN_WIDTH);
        for (int i = 0; i < nInputs; i++)
        {
            b.input(x(i), 16);
            b.input(w(i), 16);
        }
        b.input(net("y_min"), 16);
        b.input(net("y_max"), 16);
        b.input(net("leak_k"), 16);
        b.input(net("gain_k"), 16);
        b.add(net("tie_t_index"), new Constant(32, 0)).connect("y", net("t_index"));
        b.add(net("tie_noise"), new Constant(16, 0)).connect("y", net("noise_in"));

        final NetlistBuilder.Instance xCat = b.add(net("x_cat"), new Concat(nInputs)).connect("out", net("x_bits"));
        final NetlistBuilder.Instance wCat = b.add(net("w_cat"), new Concat(nInputs)).connect("out", net("w_bits"));
        for (int i = 0; i < nInputs; i++)
        {
            final String xe = indexed("x_enc", i);
            final String we = indexed("w_enc", i);
            b.add(xe, new LfsrEncoder(SeedPlan.input(i))).clock(clock)
                .connect("x_value", x(i)).connect("t_index", net("t_index"));
            b.add(we, new LfsrEncoder(SeedPlan.weight(i))).clock(clock)
                .connect("x_value", w(i)).connect("t_index", net("t_index"));
            xCat.connect(Concat.in(i), xe + ".bit_out");
            wCat.connect(Concat.in(i), we + ".bit_out");
        }
        b.add(net("syn"), new Synapse(nInputs))
            .connect("pre", net("x_bits")).connect("w", net("w_bits")).connect("post", net("post"));
        b.add(net("p2c"), new DotProductToCurrent(nInputs)).connect("bits", net("post"))
            .connect("y_min", net("y_min")).connect("y_max", net("y_max")).connect("I_t", net("I_t"));

        final NetlistBuilder.Instance spikeCat = b.add(net("spike_cat"), new Concat(nNeurons))
            .connect("out", net("spikes"));
        for (int j = 0; j < nNeurons; j++)
        {
            b.add(lif(j), new LifNeuron(params)).clock(clock)
                .connect("leak_k", net("leak_k")).connect("gain_k", net("gain_k"))
                .connect("I_t", net("I_t")).connect("noise_in", net("noise_in"));
            spikeCat.connect(Concat.in(j), lif(j) + ".spike_out");
        }
        b.add(net("ctrl"), new DenseControl(LEN_WIDTH)).clock(clock)
            .connect("start_pulse", net("start_pulse")).connect("stream_len", net("stream_len"))
            .connect("running", net("running")).connect("run_done", net("run_done"));
    }

    /** Full name of a net or instance of this core: {@code P.local}. */
    public String net(final String local)
    {
        return name + "." + local;
    }

    private String indexed(final String local, final int i)
    {
        return name + "." + local + "[" + i + "]";
    }

    /** Input x_i. */
    public String x(final int i)
    {
        return indexed("x", i);
    }

    /** Input w_i. */
    public String w(final int i)
    {
        return indexed("w", i);
    }

    /** Instance name of neuron j. */
    public String lif(final int j)
    {
        return indexed("lif", j);
    }

    public String name()
    {
        return name;
    }

    public Clock clock()
    {
        return clock;
    }

    public int nInputs()
    {
        return nInputs;
    }

    public int nNeurons()
    {
        return nNeurons;
    }

    public LifParams params()
    {
        return params;
    }

    /** A test-bench view of this core in a running kernel: ids resolved once. */
    public Io io(final Kernel k)
    {
        return new Io(k);
    }

    /** Drives the inputs and reads the outputs of one core in a kernel. */
    public final class Io
    {
        private final Kernel k;
        private final int start;
        private final int len;
        private final int[] xIn;
        private final int[] wIn;
        private final int yMin;
        private final int yMax;
        private final int leak;
        private final int gain;
        private final int xBits;
        private final int wBits;
        private final int current;
        private final int spikes;
        private final int[] vOut;
        private final int running;
        private final int runDone;

        Io(final Kernel k)
        {
            this.k = k;
            final Design d = k.design();
            start = d.signal(net("start_pulse"));
            len = d.signal(net("stream_len"));
            xIn = new int[nInputs];
            wIn = new int[nInputs];
            for (int i = 0; i < nInputs; i++)
            {
                xIn[i] = d.signal(x(i));
                wIn[i] = d.signal(w(i));
            }
            yMin = d.signal(net("y_min"));
            yMax = d.signal(net("y_max"));
            leak = d.signal(net("leak_k"));
            gain = d.signal(net("gain_k"));
            xBits = d.signal(net("x_bits"));
            wBits = d.signal(net("w_bits"));
            current = d.signal(net("I_t"));
            spikes = d.signal(net("spikes"));
            vOut = new int[nNeurons];
            for (int j = 0; j < nNeurons; j++)
            {
                vOut[j] = d.signal(lif(j) + ".v_out");
            }
            running = d.signal(net("running"));
            runDone = d.signal(net("run_done"));
        }

        /** Sets every input (as the Verilog bench does before an edge). */
        public void drive(final boolean startPulse, final int streamLen, final int[] x, final int[] w, final int y0,
            final int y1, final int leakK, final int gainK)
        {
            k.poke(start, startPulse ? 1 : 0);
            k.poke(len, streamLen);
            for (int i = 0; i < nInputs; i++)
            {
                k.poke(xIn[i], x[i]);
                k.poke(wIn[i], w[i]);
            }
            k.poke(yMin, y0);
            k.poke(yMax, y1);
            k.poke(leak, leakK);
            k.poke(gain, gainK);
        }

        /** {@link #drive} then one edge: the same call as {@code DenseLayerCore.clock}. */
        public void clock(final boolean startPulse, final int streamLen, final int[] x, final int[] w, final int y0,
            final int y1, final int leakK, final int gainK)
        {
            drive(startPulse, streamLen, x, w, y0, y1, leakK, gainK);
            k.runCycles(clock, 1);
        }

        public long xBits()
        {
            return k.peek(xBits);
        }

        public long wBits()
        {
            return k.peek(wBits);
        }

        /** I_t, signed. */
        public int current()
        {
            return (short)k.peek(current);
        }

        public long spikes()
        {
            return k.peek(spikes);
        }

        /** v_out of neuron j, signed. */
        public int v(final int j)
        {
            return (short)k.peek(vOut[j]);
        }

        public int running()
        {
            return (int)k.peek(running);
        }

        public int runDone()
        {
            return (int)k.peek(runDone);
        }

        public Kernel kernel()
        {
            return k;
        }
    }
}
