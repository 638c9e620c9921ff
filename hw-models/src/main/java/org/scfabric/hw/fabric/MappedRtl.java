package org.scfabric.hw.fabric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scfabric.hw.Bits;

/**
 * Writes the Verilog of a mapped network on the general fabric ({@code rtl/fabric/sc_mapped_fabric.v}):
 * a top {@code sc_mapped_cfg} that wires the controller, K cores (each with its size and memory
 * images), the router and the input port for one architecture, network and input, a board top
 * {@code sc_mapped_top} for synthesis, and the memory images ({@code $readmemh}): per core the neuron
 * ids, parameters, biases and phase ranges of its local addresses; the rows and fan-out words; the
 * input events of every step.
 *
 * <p>Ports of {@code sc_mapped_cfg}: clk, rst_n, spike_valid[K], spike_id[K·IDB] (the neuron of core c's
 * last update), out_valid[K], out_value[K·W] (an output event: 2^F for a spike, v for a readout),
 * step_start, finished.
 */
public final class MappedRtl
{
    public static final String WRAPPER = "sc_mapped_cfg";
    public static final String BOARD_TOP = "sc_mapped_top";

    /** The widths the generated top uses (also what a test bench needs). */
    public record Widths(int idBits, int dataBits, int cores)
    {
    }

    private MappedRtl()
    {
    }

    /** The general fabric's Verilog source. */
    public static Path source()
    {
        return FabricRtl.rtlDir().resolve("fabric").resolve("sc_mapped_fabric.v");
    }

    /** The Brian2 neurons' result stage ({@code sc_brian2_unit}), which a top with Brian2 neurons carries along. */
    public static Path brian2Source()
    {
        return FabricRtl.rtlDir().resolve("fabric").resolve("sc_brian2_unit.v");
    }

    /** The widths of the top for this network and architecture. */
    public static Widths widths(final FabricParams fp, final MappedNetwork net)
    {
        return new Widths(FabricParams.bitsFor(Math.max(1, net.size() + net.inputs() - 1)), net.w, fp.cores());
    }

    /**
     * Writes the top, the board top and the memory images into {@code dir}; returns the top's file.
     * The input events of step t are {@code channel[stepStart[t] .. stepStart[t+1])}.
     *
     * @throws IllegalArgumentException if a parameter does not fit the data width (named)
     */
    public static Path write(final Path dir, final FabricParams fp, final MappedNetwork net, final boolean[] observed,
        final int[] stepStart, final int[] channel, final int steps) throws IOException
    {
        check(net);
        Files.createDirectories(dir);
        final Path abs = dir.toAbsolutePath();
        final int k = fp.cores();
        final int n = net.size();
        final int w = net.w;
        final int g = net.groups;
        final int b = net.banks;
        final Placement pl = Placement.layered(k, net.levelStarts(), net.phases());
        final int ns = n + net.inputs();
        final int idb = widths(fp, net).idBits();
        final int kb = FabricParams.bitsFor(Math.max(1, k - 1));
        final int ab = FabricParams.bitsFor(Math.max(1, pl.maxSize()));
        final int ob = FabricParams.bitsFor(Math.max(1, b - 1));
        final int gb = FabricParams.bitsFor(Math.max(1, g - 1));
        final int gcb = FabricParams.bitsFor(g);
        final int wb = net.weightBits();
        final int acw = Math.max(Math.max(net.accumulatorBits(), w + 1), wb);
        final int phb = FabricParams.bitsFor(Math.max(1, net.phases - 1));
        final int nsyn = Math.max(1, net.synapses());
        final int eb = FabricParams.bitsFor(nsyn);
        final int rlb = FabricParams.bitsFor(Math.max(1, net.maxRowLength()));
        final int fw = kb + ab + ob + gb + wb;
        final int crb = FabricParams.bitsFor(fp.fifoDepth());
        final int nev = stepStart[steps] - stepStart[0];
        final int evb = FabricParams.bitsFor(Math.max(1, nev));
        final int chb = FabricParams.bitsFor(Math.max(1, net.inputs() - 1));
        final boolean drop = fp.overflow() == FabricParams.Overflow.DROP;
        final boolean port = net.inputs() > 0;
        final int nf = port ? k + 1 : k;

        for (int c = 0; c < k; c++)
        {
            final int size = pl.size(c);
            final int mem = Math.max(1, size);
            final List<String> nid = new ArrayList<>();
            final List<String> par = new ArrayList<>();
            final List<String> bias = new ArrayList<>();
            for (int a = 0; a < mem; a++)
            {
                if (a >= size)
                {
                    nid.add("0");
                    par.add("0");
                    bias.add("0");
                    continue;
                }
                final int j = pl.neuron(c, a);
                nid.add(Integer.toHexString(j));
                par.add(new Packer().add(net.vReset[j], w).add(net.vTh[j], w).add(net.wIn[j], w).add(net.kSyn[j], w)
                    .add(net.kMem[j], w).add(net.vLeak[j], w).add(net.r[j], w).add(net.groupCount[j], gcb)
                    .add(observed[j] ? 1 : 0, 1).add(net.fires[j] ? 1 : 0, 1).add(net.kind[j], 2).hex());
                final Packer bw = new Packer();
                for (int q = 0; q < g; q++)
                {
                    bw.add(net.bias[j * g + q], w).add(net.biasFrom[j * g + q], 32);
                }
                bias.add(bw.hex());
            }
            if (net.sc != null)
            {
                // the popcount-to-current converters: per group, converts (bit W) and the range Y (W bits)
                final List<String> rng = new ArrayList<>();
                for (int a = 0; a < mem; a++)
                {
                    final Packer rp = new Packer();
                    for (int q = 0; q < g && a < size; q++)
                    {
                        final int j = pl.neuron(c, a);
                        rp.add(net.sc.range[j * g + q], w).add(net.sc.converts[j * g + q] ? 1 : 0, 1);
                    }
                    rng.add(rp.hex());
                }
                Files.write(abs.resolve("c" + c + "_range.hex"), rng, StandardCharsets.US_ASCII);
            }
            final List<String> ph = new ArrayList<>();
            for (int p = 0; p < net.phases; p++)
            {
                ph.add(new Packer().add(pl.lo(c, p), ab).add(pl.hi(c, p), ab).hex());
            }
            Files.write(abs.resolve("c" + c + "_nid.hex"), nid, StandardCharsets.US_ASCII);
            Files.write(abs.resolve("c" + c + "_par.hex"), par, StandardCharsets.US_ASCII);
            Files.write(abs.resolve("c" + c + "_bias.hex"), bias, StandardCharsets.US_ASCII);
            Files.write(abs.resolve("c" + c + "_ph.hex"), ph, StandardCharsets.US_ASCII);
            if (net.brian2 == null)
            {
                Files.write(abs.resolve("c" + c + "_zero.hex"), java.util.Collections.nCopies(mem, "0"),
                    StandardCharsets.US_ASCII);
            }
            else
            {
                writeBrian2(abs, c, pl, net);
            }
        }
        final List<String> rows = new ArrayList<>();
        for (int s = 0; s < ns; s++)
        {
            rows.add(new Packer().add(net.rowStart(s), eb).add(net.rowLength(s), rlb).hex());
        }
        Files.write(abs.resolve("row.hex"), rows, StandardCharsets.US_ASCII);
        final List<String> fan = new ArrayList<>();
        final ScSynapseUnit scu = net.sc == null ? null : new ScSynapseUnit(net);
        final int[] lay = scu == null ? null : scu.layout();
        for (int e = 0; e < net.synapses(); e++)
        {
            final int j = net.target(e);
            // with SC synapses the weight field is the SC unit's payload (ScSynapseUnit#payload)
            final Packer fp0 = scu == null ? new Packer().add(net.weight(e), wb) : new Packer().add(scu.payload(e), lay[0]);
            fan.add(fp0.add(net.tag(e) % g, gb).add(net.tag(e) / g, ob)
                .add(pl.addrOf(j), ab).add(pl.coreOf(j), kb).hex());
        }
        final int ecb = net.sc == null ? 1 : FabricParams.bitsFor(Math.max(1, net.sc.encoders()));
        if (net.sc != null)
        {
            final ScSynapses sc = net.sc;
            final List<String> encmap = new ArrayList<>();
            for (int s = 0; s < ns; s++)
            {
                encmap.add(new Packer().add(sc.encStart[s], ecb).add(sc.encStart[s + 1] - sc.encStart[s], ecb).hex());
            }
            final List<String> lfsr = new ArrayList<>();
            for (int q = 0; q < sc.encoders(); q++)
            {
                lfsr.add(new Packer().add(sc.encInit[q], 16).add(sc.encP[q], 16).hex());
            }
            if (lfsr.isEmpty())
            {
                lfsr.add("0");
            }
            final List<String> wrom = new ArrayList<>();
            for (int t = 0; t < sc.streams(); t++)
            {
                final Packer rp = new Packer();
                for (int x = 0; x < sc.words; x++)
                {
                    rp.addWord(sc.rom[t * sc.words + x]);
                }
                wrom.add(rp.hex());
            }
            if (wrom.isEmpty())
            {
                wrom.add("0");
            }
            Files.write(abs.resolve("enc.hex"), encmap, StandardCharsets.US_ASCII);
            Files.write(abs.resolve("lfsr.hex"), lfsr, StandardCharsets.US_ASCII);
            Files.write(abs.resolve("wrom.hex"), wrom, StandardCharsets.US_ASCII);
        }
        while (fan.size() < nsyn + fp.ports())
        {
            fan.add("0");
        }
        Files.write(abs.resolve("fanout.hex"), fan, StandardCharsets.US_ASCII);
        if (port)
        {
            final List<String> st = new ArrayList<>();
            for (int t = 0; t <= steps; t++)
            {
                st.add(Integer.toHexString(stepStart[t] - stepStart[0]));
            }
            final List<String> ch = new ArrayList<>();
            for (int e = stepStart[0]; e < stepStart[steps]; e++)
            {
                ch.add(Integer.toHexString(channel[e]));
            }
            if (ch.isEmpty())
            {
                ch.add("0");
            }
            Files.write(abs.resolve("in_start.hex"), st, StandardCharsets.US_ASCII);
            Files.write(abs.resolve("in_channel.hex"), ch, StandardCharsets.US_ASCII);
        }

        final StringBuilder v = new StringBuilder();
        v.append("// generated by org.scfabric.hw.fabric.MappedRtl: ").append(describe(fp, net, steps)).append('\n');
        v.append("module ").append(WRAPPER).append(" (\n")
            .append("    input wire clk, input wire rst_n,\n")
            .append("    output wire [").append(k - 1).append(":0] spike_valid,\n")
            .append("    output wire [").append(k * idb - 1).append(":0] spike_id,\n")
            .append("    output wire [").append(k - 1).append(":0] out_valid,\n")
            .append("    output wire [").append(k * w - 1).append(":0] out_value,\n")
            .append("    output wire step_start, output wire finished);\n");
        v.append("    wire start, router_busy, port_busy;\n")
            .append("    wire [").append(phb - 1).append(":0] phase;\n")
            .append("    wire [31:0] step;\n")
            .append("    wire [").append(ob - 1).append(":0] bank;\n")
            .append("    wire [").append(k - 1).append(":0] core_busy;\n")
            .append("    wire [").append(nf - 1).append(":0] push_valid, credit;\n")
            .append("    wire [").append(nf * idb - 1).append(":0] push_id;\n")
            .append("    wire [").append(fp.ports() - 1).append(":0] dlv_valid;\n")
            .append("    wire [").append(fp.ports() * fw - 1).append(":0] dlv_word;\n")
            .append("    assign spike_valid = push_valid[").append(k - 1).append(":0];\n")
            .append("    assign push_id[").append(k * idb - 1).append(":0] = spike_id;\n");
        if (!port)
        {
            v.append("    assign port_busy = 1'b0;\n");
        }
        v.append("    sc_mfab_ctrl #(.PHASES(").append(net.phases).append("), .PHB(").append(phb).append("), .B(")
            .append(b).append("), .OB(").append(ob).append("), .STEPS(").append(steps).append(")) ctrl (\n")
            .append("        .clk(clk), .rst_n(rst_n), .busy_in(|core_busy | port_busy), .router_busy(router_busy),\n")
            .append("        .start(start), .phase(phase), .step(step), .bank(bank), .step_start(step_start),\n")
            .append("        .finished(finished));\n");
        for (int c = 0; c < k; c++)
        {
            final List<String> p = new ArrayList<>();
            p.add(".C(" + c + ")");
            p.add(".KB(" + kb + ")");
            p.add(".SIZE(" + pl.size(c) + ")");
            p.add(".AB(" + ab + ")");
            p.add(".IDB(" + idb + ")");
            p.add(".W(" + w + ")");
            p.add(".F(" + net.f + ")");
            p.add(".ACW(" + acw + ")");
            p.add(".WB(" + wb + ")");
            p.add(".G(" + g + ")");
            p.add(".GB(" + gb + ")");
            p.add(".GCB(" + gcb + ")");
            p.add(".B(" + b + ")");
            p.add(".OB(" + ob + ")");
            p.add(".PHASES(" + net.phases + ")");
            p.add(".PHB(" + phb + ")");
            p.add(".P(" + fp.ports() + ")");
            p.add(".LC(" + fp.coreLatency() + ")");
            p.add(".D(" + fp.fifoDepth() + ")");
            p.add(".CRB(" + crb + ")");
            p.add(".DROP(" + (drop ? 1 : 0) + ")");
            p.add(".SUBTRACT(" + (net.subtract ? 1 : 0) + ")");
            p.add(".NID_FILE(\"" + abs.resolve("c" + c + "_nid.hex") + "\")");
            p.add(".PAR_FILE(\"" + abs.resolve("c" + c + "_par.hex") + "\")");
            p.add(".BIAS_FILE(\"" + abs.resolve("c" + c + "_bias.hex") + "\")");
            p.add(".PH_FILE(\"" + abs.resolve("c" + c + "_ph.hex") + "\")");
            p.add(".ZERO_FILE(\"" + abs.resolve("c" + c + "_zero.hex") + "\")");
            if (net.sc != null)
            {
                p.add(".SC(1)");
                p.add(".L(" + net.sc.bitstream + ")");
                p.add(".RANGE_FILE(\"" + abs.resolve("c" + c + "_range.hex") + "\")");
            }
            if (net.brian2 != null)
            {
                p.add(".BRIAN2(1)");
                p.add(".B2_NC(" + net.brian2.currents + ")");
                p.add(".B2_RB(" + net.brian2.counterBits() + ")");
                p.add(".B2_VB(" + FabricParams.bitsFor(Math.max(1, net.brian2.currents)) + ")");
                p.add(".B2_CFG_FILE(\"" + abs.resolve("c" + c + "_b2cfg.hex") + "\")");
                p.add(".B2_G_FILE(\"" + abs.resolve("c" + c + "_b2g.hex") + "\")");
                p.add(".B2_REF_FILE(\"" + abs.resolve("c" + c + "_b2ref.hex") + "\")");
            }
            v.append("    sc_mfab_core #(\n        ").append(String.join(",\n        ", p)).append("\n    ) core")
                .append(c).append(" (\n")
                .append("        .clk(clk), .rst_n(rst_n), .start(start), .step_in(step), .bank_in(bank),")
                .append(" .phase_in(phase),\n")
                .append("        .credit_in(credit[").append(c).append("]), .dlv_valid(dlv_valid), .dlv_word(dlv_word),\n")
                .append("        .push_valid(push_valid[").append(c).append("]), .out_valid(out_valid[").append(c)
                .append("]),\n")
                .append("        .id_q(spike_id[").append(c * idb + idb - 1).append(':').append(c * idb)
                .append("]), .out_value(out_value[").append(c * w + w - 1).append(':').append(c * w)
                .append("]), .busy(core_busy[").append(c).append("]));\n");
        }
        v.append("    sc_mfab_router #(.NS(").append(ns).append("), .NF(").append(nf).append("), .D(")
            .append(fp.fifoDepth()).append("), .P(").append(fp.ports()).append("), .LR(").append(fp.csrLatency())
            .append("), .IDB(").append(idb).append("), .EB(").append(eb).append("), .RLB(").append(rlb)
            .append("), .NSYN(").append(nsyn).append("), .FW(").append(fw).append("),\n")
            .append(net.sc == null ? "" : "        .SC(1), .L(" + net.sc.bitstream + "), .WB(" + wb + "), .PAYB(" + lay[0]
                + "), .FIXB(" + lay[3] + "), .ENB(" + lay[1] + "), .STB(" + lay[2] + "), .NENC("
                + Math.max(1, net.sc.encoders()) + "), .EMAX(" + net.sc.maxEncodersPerSource() + "), .NSTR("
                + Math.max(1, net.sc.streams()) + "), .ECB(" + ecb + "), .TAPS(16'h"
                + Integer.toHexString(org.scfabric.hw.sc.LfsrTaps.reference(16)) + "),\n        .ENC_FILE(\""
                + abs.resolve("enc.hex") + "\"), .LFSR_FILE(\"" + abs.resolve("lfsr.hex") + "\"), .WROM_FILE(\""
                + abs.resolve("wrom.hex") + "\"),\n")
            .append("        .ROW_FILE(\"").append(abs.resolve("row.hex")).append("\"), .FAN_FILE(\"")
            .append(abs.resolve("fanout.hex")).append("\")) router (\n")
            .append("        .clk(clk), .rst_n(rst_n), .push_valid(push_valid), .push_id(push_id), .credit(credit),\n")
            .append("        .dlv_valid(dlv_valid), .dlv_word(dlv_word), .busy(router_busy));\n");
        if (port)
        {
            v.append("    sc_mfab_inport #(.NBASE(").append(n).append("), .IDB(").append(idb).append("), .STEPS(")
                .append(steps).append("), .NEV(").append(Math.max(1, nev)).append("), .EVB(").append(evb)
                .append("), .CHB(").append(chb).append("), .PHB(").append(phb).append("), .D(")
                .append(fp.fifoDepth()).append("), .CRB(").append(crb).append("), .DROP(").append(drop ? 1 : 0)
                .append("),\n        .START_FILE(\"").append(abs.resolve("in_start.hex")).append("\"), .CH_FILE(\"")
                .append(abs.resolve("in_channel.hex")).append("\")) inport (\n")
                .append("        .clk(clk), .rst_n(rst_n), .start(start), .step_in(step), .phase_in(phase),\n")
                .append("        .credit_in(credit[").append(k).append("]), .push_valid(push_valid[").append(k)
                .append("]),\n        .push_id(push_id[").append(nf * idb - 1).append(':').append(k * idb)
                .append("]), .busy(port_busy));\n");
        }
        v.append("endmodule\n\n");
        v.append("// A board top for synthesis: every spike and output event reaches a pin through a parity register.\n");
        v.append("module ").append(BOARD_TOP).append(" (input wire clk, input wire rst_n, output reg led_spike,\n")
            .append("    output wire led_done, output reg spike_parity);\n")
            .append("    wire [").append(k - 1).append(":0] sv, ov;\n")
            .append("    wire [").append(k * idb - 1).append(":0] sid;\n")
            .append("    wire [").append(k * w - 1).append(":0] oval;\n")
            .append("    wire st;\n")
            .append("    ").append(WRAPPER).append(" core (.clk(clk), .rst_n(rst_n), .spike_valid(sv), .spike_id(sid),\n")
            .append("        .out_valid(ov), .out_value(oval), .step_start(st), .finished(led_done));\n")
            .append("    always @(posedge clk or negedge rst_n)\n")
            .append("        if (!rst_n) begin led_spike <= 1'b0; spike_parity <= 1'b0; end\n")
            .append("        else begin led_spike <= |sv; spike_parity <= spike_parity ^ (^sid) ^ (^sv) ^ (^ov)")
            .append(" ^ (^oval) ^ st; end\n")
            .append("endmodule\n");
        if (net.brian2 != null)
        {
            // the Brian2 unit's module travels with the top, so that sc_mapped_fabric.v and the top remain the
            // whole design for every caller (Icarus, Verilator, Yosys)
            v.append("\n// ").append(brian2Source().getFileName()).append(", copied from rtl/fabric\n")
                .append(Files.readString(brian2Source(), StandardCharsets.US_ASCII));
        }
        final Path top = abs.resolve(WRAPPER + ".v");
        Files.writeString(top, v.toString(), StandardCharsets.US_ASCII);
        return top;
    }

    /**
     * The images of core c's Brian2 unit ({@code rtl/fabric/sc_brian2_unit.v}): per local address the
     * configuration word (refractory period, switches, each group's state variable, each current's k_syn and r),
     * the currents' initial values, the refractory counter's initial value (its cap); and v's initial values in
     * the image {@code vmem} and {@code imem} load ({@code c_zero.hex}: 0 for the other neurons).
     */
    private static void writeBrian2(final Path abs, final int c, final Placement pl, final MappedNetwork net)
        throws IOException
    {
        final Brian2Params b2 = net.brian2;
        final int w = net.w;
        final int nc = b2.currents;
        final int rb = b2.counterBits();
        final int vb = FabricParams.bitsFor(Math.max(1, nc));
        final int flb = 3 + Math.max(1, nc);
        final int mem = Math.max(1, pl.size(c));
        final List<String> init = new ArrayList<>();
        final List<String> cfg = new ArrayList<>();
        final List<String> gi = new ArrayList<>();
        final List<String> ref = new ArrayList<>();
        for (int a = 0; a < mem; a++)
        {
            final int j = a < pl.size(c) ? pl.neuron(c, a) : -1;
            if (j < 0 || net.kind[j] != MappedNetwork.BRIAN2)
            {
                init.add("0");
                cfg.add("0");
                gi.add("0");
                ref.add("0");
                continue;
            }
            init.add(new Packer().add(b2.initV[j], w).hex());
            final Packer word = new Packer().add(b2.refractory[j], rb).add(b2.flags[j], flb);
            for (int q = 0; q < net.groups; q++)
            {
                word.add(b2.groupVar[j * net.groups + q], vb);
            }
            final Packer g = new Packer();
            for (int q = 0; q < nc; q++)
            {
                word.add(b2.kSyn[q][j], w).add(b2.r[q][j], w);
                g.add(b2.initI[q][j], w);
            }
            cfg.add(word.hex());
            gi.add(g.hex());
            ref.add(Integer.toHexString(b2.cap(j)));
        }
        Files.write(abs.resolve("c" + c + "_zero.hex"), init, StandardCharsets.US_ASCII);
        Files.write(abs.resolve("c" + c + "_b2cfg.hex"), cfg, StandardCharsets.US_ASCII);
        Files.write(abs.resolve("c" + c + "_b2g.hex"), gi, StandardCharsets.US_ASCII);
        Files.write(abs.resolve("c" + c + "_b2ref.hex"), ref, StandardCharsets.US_ASCII);
    }

    /**
     * Every per-neuron parameter and bias a W-bit signed value (the cores' words are W bits), a Brian2 neuron's
     * k_syn, r and initial values too.
     */
    public static void check(final MappedNetwork net)
    {
        if (net.brian2 != null)
        {
            final Brian2Params b2 = net.brian2;
            final String[] names = {"k_syn", "r", "initial value"};
            for (int q = 0; q < b2.currents; q++)
            {
                final int[][] p = {b2.kSyn[q], b2.r[q], b2.initI[q]};
                for (int i = 0; i < p.length; i++)
                {
                    for (int j = 0; j < net.n; j++)
                    {
                        if (net.kind[j] == MappedNetwork.BRIAN2 && !Bits.fitsSigned(p[i][j], net.w))
                        {
                            throw new IllegalArgumentException("neuron " + j + "'s current " + q + " " + names[i]
                                + " (" + p[i][j] + ") does not fit the " + net.w + "-bit data word of the RTL");
                        }
                    }
                }
            }
            for (int j = 0; j < net.n; j++)
            {
                if (net.kind[j] == MappedNetwork.BRIAN2 && !Bits.fitsSigned(b2.initV[j], net.w))
                {
                    throw new IllegalArgumentException("neuron " + j + "'s initial v (" + b2.initV[j]
                        + ") does not fit the " + net.w + "-bit data word of the RTL");
                }
            }
        }
        final String[] names = {"r", "v_leak", "k_mem", "k_syn", "w_in", "v_threshold", "v_reset"};
        final int[][] p = {net.r, net.vLeak, net.kMem, net.kSyn, net.wIn, net.vTh, net.vReset};
        for (int i = 0; i < p.length; i++)
        {
            for (int j = 0; j < net.n; j++)
            {
                if (!Bits.fitsSigned(p[i][j], net.w))
                {
                    throw new IllegalArgumentException("neuron " + j + "'s " + names[i] + " (" + p[i][j]
                        + ") does not fit the " + net.w + "-bit data word of the RTL");
                }
            }
        }
        for (int i = 0; i < net.bias.length; i++)
        {
            if (!Bits.fitsSigned(net.bias[i], net.w))
            {
                throw new IllegalArgumentException("neuron " + i / net.groups + "'s bias (" + net.bias[i]
                    + ") does not fit the " + net.w + "-bit data word of the RTL");
            }
        }
    }

    static String describe(final FabricParams fp, final MappedNetwork net, final int steps)
    {
        return String.format(Locale.ROOT, "N %d, %d inputs, K %d, D %d, P %d, LC %d, LR %d, %s, W %d, %d synapses, "
            + "%d groups, %d banks, %d phases, %d steps", net.size(), net.inputs(), fp.cores(), fp.fifoDepth(),
            fp.ports(), fp.coreLatency(), fp.csrLatency(), fp.overflow(), net.w, net.synapses(), net.groups, net.banks,
            net.phases, steps);
    }

    /** Packs fields into one memory word, least significant first, and writes it in hex. */
    private static final class Packer
    {
        private BigInteger word = BigInteger.ZERO;
        private int at;

        Packer add(final long value, final int bits)
        {
            final BigInteger v = BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            word = word.or(v.shiftLeft(at));
            at += bits;
            return this;
        }

        /** A 64-bit word, all of it (unsigned). */
        Packer addWord(final long value)
        {
            word = word.or(new BigInteger(Long.toUnsignedString(value)).shiftLeft(at));
            at += 64;
            return this;
        }

        String hex()
        {
            return word.toString(16);
        }
    }
}
