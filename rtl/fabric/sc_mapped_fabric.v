// sc_mapped_fabric: the blocks of the general fabric, which runs any mapped network (populations of
// LIF, CubaLIF, IF and LI/CubaLI/I readouts with per-neuron parameters, accumulator groups in a ring
// of delay banks, biases, input address events). Twin of the fast engine
// org.scfabric.hw.fabric.MappedFabric (EngineController, EngineCores + MappedDatapath, EngineRouter,
// EngineInputPort): the same registers and the same edge-by-edge behaviour, so every spike, every
// output event and every step start falls on the same edge (co-simulated by NirFabricCosimTest).
//
// The top that wires K cores, the router and the input port, with each core's own parameters and
// memory images ($readmemh), is generated per network by org.scfabric.hw.fabric.MappedRtl.
//
//   controller  a step is phases: 0 (the input events), then one per neuron level; each phase starts
//               (a start pulse) once every block is idle.
//   core c      issues, in phase ph, its local addresses [lo(ph), hi(ph)) through an LC-stage pipeline;
//               the result stage forms the neuron's input from its groups (y = sat(acc + bias),
//               x = sat(x + y)), runs the neuron, clears the groups, pushes a spike towards the router
//               (with a credit for its FIFO, or dropped when full under DROP) and flags an output event.
//   router      one FIFO of depth D per core and one for the input port, served round robin; a popped
//               source's row (start, length) after LR edges, then P synapses per edge through an
//               LR-stage pipeline; a delivery (core, address, delay offset, group, weight) is added by
//               its core at the next edge into bank (step + offset) mod B.
//   input port  at the start of phase 0 of step t, pushes that step's events, one per edge.
//
// Verilog-2005. Memories are arrays the synthesis tool maps as it can (the state and accumulators
// are read and written at the same edge as the Java model does: deliveries first, then the update).

// The timestep controller (EngineController).
module sc_mfab_ctrl #(parameter PHASES = 2, PHB = 1, B = 1, OB = 1, parameter [31:0] STEPS = 1) (
    input  wire           clk,
    input  wire           rst_n,
    input  wire           busy_in,       // a core or the input port was busy at the last edge
    input  wire           router_busy,
    output reg            start,
    output reg  [PHB-1:0] phase,
    output reg  [31:0]    step,
    output reg  [OB-1:0]  bank,          // step mod B
    output wire           step_start,    // the start pulse of a step's phase 0
    output wire           finished
);
    reg [1:0] run;
    assign finished = (run == 2'd2);
    assign step_start = start && phase == 0;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run <= 2'd0; start <= 1'b0; phase <= 0; step <= 32'd0; bank <= 0;
        end else if (run == 2'd0) begin
            start <= 1'b1; run <= 2'd1;
        end else if (run == 2'd1) begin
            if (start)
                start <= 1'b0;
            else if (!router_busy && !busy_in && {{(32-PHB){1'b0}}, phase} + 32'd1 < PHASES) begin
                start <= 1'b1; phase <= phase + 1'b1;
            end else if (!router_busy && !busy_in) begin
                phase <= 0;
                if (step + 32'd1 == STEPS)
                    run <= 2'd2;
                else begin
                    start <= 1'b1; step <= step + 32'd1;
                    bank <= ({{(32-OB){1'b0}}, bank} + 32'd1 == B) ? {OB{1'b0}} : bank + 1'b1;
                end
            end
        end
    end
endmodule

// A neuron core (EngineCores for one core, with MappedDatapath's arithmetic).
module sc_mfab_core #(
    parameter C = 0,                 // this core's number (deliveries carry the core they are for)
    parameter KB = 1,                // bits of a core number
    parameter SIZE = 1,              // neurons served (0 allowed: the core never issues)
    parameter AB = 1,                // bits of a local address 0..max core size
    parameter IDB = 1,               // bits of a source id
    parameter W = 16, F = 8,
    parameter ACW = 18,              // accumulator bits (>= W + 1)
    parameter WB = 16,               // weight bits
    parameter G = 1, GB = 1, GCB = 1,// groups per neuron, bits of a group, bits of a group count
    parameter B = 1, OB = 1,         // delay banks, bits of a bank
    parameter PHASES = 2, PHB = 1,
    parameter P = 1, LC = 1, D = 1, CRB = 1, DROP = 0, SUBTRACT = 0,
    parameter NID_FILE = "c0_nid.hex",   // per local address: the neuron id
    parameter PAR_FILE = "c0_par.hex",   // per local address: kind, fires, observed, groups, r .. v_reset
    parameter BIAS_FILE = "c0_bias.hex", // per local address, per group g: first step, bias (group 0 lowest)
    parameter PH_FILE = "c0_ph.hex",     // per phase: hi, lo
    parameter ZERO_FILE = "c0_zero.hex", // a zero per local address: v and i start at 0 (an image, so that
                                         // synthesis keeps them memories); a Brian2 neuron's v starts at its word
    parameter SC = 0,                    // SC synapses: the groups they feed have a popcount-to-current converter
    parameter L = 64,                    // the bitstream length (the converter divides by it)
    parameter RANGE_FILE = "c0_range.hex", // per local address, per group g: converts (bit W), range Y (W bits)
    // Brian2 neurons (kind 3): BRIAN2 = 1 puts an sc_brian2_unit (sc_brian2_unit.v) beside the result stage
    parameter BRIAN2 = 0, B2_NC = 0, B2_RB = 2, B2_VB = 1,
    parameter B2_CFG_FILE = "c0_b2cfg.hex", B2_G_FILE = "c0_b2g.hex", B2_REF_FILE = "c0_b2ref.hex"
) (
    input  wire             clk,
    input  wire             rst_n,
    input  wire             start,
    input  wire [31:0]      step_in,
    input  wire [OB-1:0]    bank_in,
    input  wire [PHB-1:0]   phase_in,
    input  wire             credit_in,
    input  wire [P-1:0]     dlv_valid,
    input  wire [P*(KB+AB+OB+GB+WB)-1:0] dlv_word,
    output reg              push_valid,    // a spike at the last edge
    output reg              out_valid,     // an output event at the last edge
    output reg  [IDB-1:0]   id_q,          // the neuron of the last update
    output reg  [W-1:0]     out_value,
    output reg              busy
);
    localparam MEM  = (SIZE > 0) ? SIZE : 1;
    localparam FW   = KB + AB + OB + GB + WB;
    localparam PARW = 7 * W + GCB + 4;
    localparam PW   = 2 * W + 4;
    localparam SW   = ACW + 2;
    localparam [1:0] INTEGRATE = 2'd0, LEAKY = 2'd1, CURRENT = 2'd2;

    reg [IDB-1:0]       nid  [0:MEM-1];
    reg [PARW-1:0]      par  [0:MEM-1];
    reg [G*(W+32)-1:0]  bmem [0:MEM-1];
    reg [2*AB-1:0]      ph   [0:PHASES-1];
    reg signed [W-1:0]  vmem [0:MEM-1];
    reg signed [W-1:0]  imem [0:MEM-1];
    reg signed [ACW-1:0] acc [0:B*G*MEM-1];
    reg [G*(W+1)-1:0]   rmem [0:MEM-1];

    integer j;
    initial begin
        $readmemh(NID_FILE, nid);
        $readmemh(PAR_FILE, par);
        $readmemh(BIAS_FILE, bmem);
        $readmemh(PH_FILE, ph);
        $readmemh(ZERO_FILE, vmem);
        $readmemh(ZERO_FILE, imem);
        if (SC != 0) $readmemh(RANGE_FILE, rmem);
        for (j = 0; j < B * G * MEM; j = j + 1) acc[j] = 0;
    end

    // low_W((a * b) >> F), a exact in W + 3 bits
    function signed [W-1:0] scl;
        input signed [W+2:0] a;
        input signed [W-1:0] b;
        reg signed [PW-1:0] p;
        begin
            p = a * b;
            p = p >>> F;
            scl = p[W-1:0];
        end
    endfunction

    // saturate to W signed bits
    function signed [W-1:0] sat;
        input signed [SW-1:0] s;
        reg signed [SW-1:0] hi, lo;
        begin
            hi = {{(SW-W+1){1'b0}}, {(W-1){1'b1}}};
            lo = ~hi;
            sat = (s > hi) ? hi[W-1:0] : (s < lo) ? lo[W-1:0] : s[W-1:0];
        end
    endfunction

    reg            issuing;
    reg [AB-1:0]   addr, hi_q;
    reg [31:0]     step_q;
    reg [OB-1:0]   bank_q;
    reg [CRB-1:0]  credits;
    reg            ret;
    reg [LC-1:0]   st_valid;
    reg [AB-1:0]   st_addr [0:LC-1];

    // Read-only images and the state v, i are read one edge before the result stage (registered reads, as
    // block RAM gives them): a neuron's v and i are written only at its own result stage, and the neuron
    // read at an edge is never the one written at that edge, so reading early gives the same words.
    reg [IDB-1:0]        nid_q;
    reg [PARW-1:0]       par_q;
    reg [G*(W+32)-1:0]   bias_q;
    reg signed [W-1:0]   v_q, i_q;
    reg [AB-1:0]         rda;

    // per-edge temporaries (blocking, assigned before use)
    integer q, k, idx, bk;
    reg [FW-1:0]         word;
    reg signed [WB-1:0]  wt;
    reg [31:0]           step_now;
    reg [OB-1:0]         bank_now;
    reg [CRB+1:0]        cr;
    reg                  spike, outv, ret_nx, iss, issue, iss_nx;
    reg [AB-1:0]         ra, hi, ad;
    reg [LC-1:0]         st_nx;
    reg [PARW-1:0]       pw;
    reg [W+31:0]         bw;
    reg signed [W-1:0]   x, y, u, v, inew, vth, bias, t, i0, vl;
    reg signed [W+2:0]   a3;
    reg signed [SW-1:0]  s;
    reg [1:0]            kind;
    reg [W:0]            rw;
    reg signed [ACW+W+1:0] pr;
    wire signed [W-1:0]  b2_v;          // a Brian2 neuron's next v and spike (sc_brian2_unit, below)
    wire                 b2_fire;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            push_valid <= 1'b0; out_valid <= 1'b0; id_q <= 0; out_value <= 0; busy <= 1'b0;
            issuing <= 1'b0; addr <= 0; hi_q <= 0; step_q <= 0; bank_q <= 0; credits <= D; ret <= 1'b0;
            st_valid <= 0;
            for (k = 0; k < LC; k = k + 1) st_addr[k] <= 0;
        end else begin
            // last edge's deliveries, in the step (bank) the core was in at that edge
            for (q = 0; q < P; q = q + 1) begin
                word = dlv_word[q*FW +: FW];
                if (dlv_valid[q] && word[FW-1 -: KB] == C) begin
                    bk = bank_q + word[WB+GB +: OB];
                    if (bk >= B) bk = bk - B;
                    idx = (bk * G + word[WB +: GB]) * MEM + word[WB+GB+OB +: AB];
                    wt = word[0 +: WB];
                    acc[idx] = acc[idx] + wt;
                end
            end
            step_now = start ? step_in : step_q;
            bank_now = start ? bank_in : bank_q;
            step_q <= step_now;
            bank_q <= bank_now;
            cr = credits + credit_in + ret;
            spike = 1'b0;
            outv = 1'b0;
            ret_nx = 1'b0;
            // the result stage
            if (st_valid[LC-1]) begin
                ra = st_addr[LC-1];
                pw = par_q;
                kind = pw[7*W+GCB+2 +: 2];
                x = 0;
                for (q = 0; q < G; q = q + 1) begin
                    if (q < pw[7*W +: GCB]) begin
                        idx = (bank_now * G + q) * MEM + ra;
                        bw = bias_q[q*(W+32) +: W+32];
                        bias = (step_now >= bw[W +: 32]) ? bw[0 +: W] : {W{1'b0}};
                        rw = rmem[ra][q*(W+1) +: W+1];
                        if (SC != 0 && rw[W]) begin
                            // popcount-to-current: trunc(Y * acc / L) + bias, saturated
                            pr = $signed(rw[W-1:0]) * acc[idx];
                            pr = pr / L + bias;
                            y = (pr > $signed({1'b0, {(W-1){1'b1}}})) ? {1'b0, {(W-1){1'b1}}}
                                : (pr < -$signed({1'b0, {(W-1){1'b1}}}) - 1) ? {1'b1, {(W-1){1'b0}}} : pr[W-1:0];
                        end else begin
                            s = acc[idx] + bias;
                            y = sat(s);
                        end
                        acc[idx] = 0;
                        s = x + y;
                        x = sat(s);
                    end
                end
                v = v_q;
                a3 = x;
                if (kind == INTEGRATE)
                    u = v + scl(a3, pw[6*W +: W]);
                else begin
                    inew = x;
                    if (kind == CURRENT) begin
                        t = scl(a3, pw[2*W +: W]);         // drive = low((x w_in) >> F)
                        i0 = i_q;
                        a3 = t;
                        a3 = a3 - i0;                       // drive - i, exact
                        inew = i0 + scl(a3, pw[3*W +: W]);
                        imem[ra] <= inew;
                    end
                    a3 = inew;
                    t = scl(a3, pw[6*W +: W]);             // ri = low((i r) >> F)
                    vl = pw[5*W +: W];
                    a3 = vl;
                    a3 = a3 - v + t;                        // v_leak - v + ri, exact
                    u = v + scl(a3, pw[4*W +: W]);
                end
                vth = pw[W +: W];
                if (BRIAN2 && kind == 2'd3) begin
                    u = b2_v;
                    spike = b2_fire;
                end else if (pw[7*W+GCB+1] && u > vth) begin
                    spike = 1'b1;
                    u = SUBTRACT ? u - vth : pw[0 +: W];
                end
                vmem[ra] <= u;
                outv = pw[7*W+GCB] && (pw[7*W+GCB+1] ? spike : u != 0);
                ret_nx = !spike && !DROP;
                id_q <= nid_q;
                out_value <= pw[7*W+GCB+1] ? (1 << F) : u;
            end
            ret <= ret_nx;
            push_valid <= spike;
            out_valid <= outv;
            // issue
            hi = start ? ph[phase_in][AB +: AB] : hi_q;
            ad = start ? ph[phase_in][0 +: AB] : addr;
            iss = start ? ad < hi : issuing;
            issue = iss && (DROP || cr != 0);
            st_nx = st_valid << 1;
            iss_nx = iss;
            if (issue) begin
                st_nx[0] = 1'b1;
                if (!DROP) cr = cr - 1'b1;
                iss_nx = {1'b0, ad} + 1'b1 < {1'b0, hi};
                addr <= ad + 1'b1;
            end else if (start)
                addr <= ad;
            hi_q <= hi;
            issuing <= iss_nx;
            st_valid <= st_nx;
            for (k = LC - 1; k > 0; k = k - 1) st_addr[k] <= st_addr[k - 1];
            if (issue) st_addr[0] <= ad;
            // the registered reads for the neuron at the result stage next edge
            rda = ad;
            if (LC > 1) rda = st_addr[(LC > 1) ? LC - 2 : 0];
            nid_q <= nid[rda];
            par_q <= par[rda];
            bias_q <= bmem[rda];
            v_q <= vmem[rda];
            i_q <= imem[rda];
            credits <= cr[CRB-1:0];
            busy <= iss_nx || st_nx != 0 || spike;
        end
    end

    // Brian2 neurons: the groups' inputs at the result stage as this edge sees them (this edge's deliveries
    // added, as the block above adds them before it reads), for the unit, which answers v and the spike.
    generate if (BRIAN2) begin : b2
        reg [G*W-1:0]        y_all;
        reg [FW-1:0]         bw_word;
        reg [W+31:0]         b_w;
        reg signed [ACW-1:0] a_w;
        reg signed [W-1:0]   b_b;
        reg [31:0]           b_step, b_bk;
        reg [OB-1:0]         b_bank;
        integer bq, bp, bi;
        always @* begin
            b_step = start ? step_in : step_q;
            b_bank = start ? bank_in : bank_q;
            for (bq = 0; bq < G; bq = bq + 1) begin
                bi = (b_bank * G + bq) * MEM + st_addr[LC-1];
                a_w = acc[bi];
                for (bp = 0; bp < P; bp = bp + 1) begin
                    bw_word = dlv_word[bp*FW +: FW];
                    b_bk = bank_q + bw_word[WB+GB +: OB];
                    if (b_bk >= B) b_bk = b_bk - B;
                    // the same word as the block above adds into: bank, group and address each equal
                    if (dlv_valid[bp] && bw_word[FW-1 -: KB] == C && b_bk == b_bank && bw_word[WB +: GB] == bq
                            && bw_word[WB+GB+OB +: AB] == st_addr[LC-1])
                        a_w = a_w + $signed(bw_word[0 +: WB]);
                end
                b_w = bias_q[bq*(W+32) +: W+32];
                b_b = (b_step >= b_w[W +: 32]) ? b_w[0 +: W] : {W{1'b0}};
                y_all[bq*W +: W] = sat(a_w + b_b);
            end
        end
        sc_brian2_unit #(.W(W), .F(F), .MEM(MEM), .AB(AB), .G(G), .GCB(GCB), .NC(B2_NC), .RB(B2_RB), .VB(B2_VB),
                .CFG_FILE(B2_CFG_FILE), .G_FILE(B2_G_FILE), .REF_FILE(B2_REF_FILE)) unit (
            .clk(clk), .rda((LC > 1) ? st_addr[(LC > 1) ? LC - 2 : 0] : (start ? ph[phase_in][0 +: AB] : addr)),
            .we(st_valid[LC-1]), .wa(st_addr[LC-1]), .y(y_all), .gc(par_q[7*W +: GCB]), .v(v_q),
            .v_leak(par_q[5*W +: W]), .k_mem(par_q[4*W +: W]), .v_th(par_q[W +: W]), .v_reset(par_q[0 +: W]),
            .v_next(b2_v), .fire(b2_fire));
    end else begin : no_b2
        assign b2_v = {W{1'b0}};
        assign b2_fire = 1'b0;
    end endgenerate
endmodule

// The spike FIFOs and the synapse router (EngineRouter): NF FIFOs (the cores', then the input port's).
module sc_mfab_router #(
    parameter NS = 1,                // sources (neurons, then input channels)
    parameter NF = 1, D = 1, P = 1, LR = 1,
    parameter IDB = 1, EB = 1, RLB = 1, NSYN = 1, FW = 1,
    parameter ROW_FILE = "row.hex",
    parameter FAN_FILE = "fanout.hex",
    // SC synapses (SC = 1): a fan-out word is dest | payload (PAYB bits: SC flag, sign, encoder, stream; or
    // 0 | a FIXB-bit weight), a delivery dest | WB-bit value (FW = dest + WB)
    parameter SC = 0, L = 64, WB = 1, PAYB = 1, FIXB = 1, ENB = 1, STB = 1,
    parameter NENC = 1, EMAX = 1, NSTR = 1, ECB = 1, TAPS = 16'h0,
    parameter ENC_FILE = "enc.hex",      // per source: first encoder, encoders (ECB bits each)
    parameter LFSR_FILE = "lfsr.hex",    // per encoder: comparator input << 16 | LFSR state
    parameter WROM_FILE = "wrom.hex"     // per weight stream: its L bits
) (
    input  wire              clk,
    input  wire              rst_n,
    input  wire [NF-1:0]     push_valid,
    input  wire [NF*IDB-1:0] push_id,
    output reg  [NF-1:0]     credit,
    output reg  [P-1:0]      dlv_valid,
    output reg  [P*FW-1:0]   dlv_word,
    output reg               busy
);
    localparam IDLE = 2'd0, ROW = 2'd1, STREAM = 2'd2;

    function integer bitsfor;       // bits to hold 0..v, at least 1
        input integer v;
        integer b;
        begin
            b = 1;
            while ((v >> b) != 0) b = b + 1;
            bitsfor = b;
        end
    endfunction
    localparam PB = bitsfor(D - 1);         // a FIFO pointer
    localparam DB = bitsfor(D);             // a FIFO count
    localparam SB = bitsfor(NSYN + 2 * P);  // a fan-out address (the stream runs up to P past the row's end)
    localparam RW = (SC != 0 && L / 64 > LR) ? L / 64 : LR;   // row state: the row read, the encoders' L/64
    localparam WTB = bitsfor(RW);
    localparam RB = bitsfor(NF - 1);
    localparam DSTB = FW - WB;                                 // dest bits of a delivery
    localparam FWM = (SC != 0) ? DSTB + PAYB : FW;             // a fan-out memory word

    reg [EB+RLB-1:0] rowmem [0:NS-1];
    reg [FWM-1:0]    fanout [0:NSYN+P-1];
    reg [2*ECB-1:0]  encmap [0:NS-1];
    reg [31:0]       enc    [0:NENC-1];
    reg [L-1:0]      wrom   [0:NSTR-1];
    reg [L-1:0]      sbuf   [0:EMAX-1];
    reg [IDB-1:0]    fifo   [0:NF*D-1];
    integer i;
    initial begin
        $readmemh(ROW_FILE, rowmem);
        $readmemh(FAN_FILE, fanout);
        if (SC != 0) begin
            $readmemh(ENC_FILE, encmap);
            $readmemh(LFSR_FILE, enc);
            $readmemh(WROM_FILE, wrom);
            for (i = 0; i < EMAX; i = i + 1) sbuf[i] = 0;
        end
    end

    reg [PB-1:0] rd  [0:NF-1];
    reg [PB-1:0] wr  [0:NF-1];
    reg [DB-1:0] cnt [0:NF-1];
    reg [1:0]    state;
    reg [WTB-1:0] wait_q;
    reg [RB-1:0] rr;
    reg [SB-1:0] ptr, end_q;
    // registered reads of the read-only memories (block RAM): a popped source's row at the pop edge (held
    // until the row wait ends), a beat's fan-out words one edge before the beat leaves the pipeline
    reg [EB+RLB-1:0] row_q;
    reg [FWM-1:0]    fan_q [0:P-1];
    reg [SB-1:0]     fa;
    reg [IDB-1:0] src;
    reg [P-1:0] beat_mask [0:LR-1];
    reg [SB-1:0] beat_ptr [0:LR-1];

    integer c, k, st, found, nl;
    reg [DB-1:0]     cnt_nx [0:NF-1];
    reg [1:0]        state_nx;
    reg [P-1:0]      bm, outm;
    reg [EB+RLB-1:0] row;
    reg              any, inflight;
    // SC temporaries
    integer q2, b2, pc, e0, ec;
    reg [15:0]       lf, pv;
    reg [L-1:0]      strm;
    reg [PAYB-1:0]   pay;
    reg signed [WB-1:0] dv;

    // a fan-out word's delivery: dest | the weight, or dest | ±popcount(stream AND weight stream)
    function [FW-1:0] deliver;
        input [FWM-1:0] fw;
        begin
            if (SC == 0) deliver = fw[FW-1:0];
            else begin
                pay = fw[PAYB-1:0];
                if (pay[PAYB-1] == 1'b0) dv = $signed(pay[FIXB-1:0]);
                else begin
                    pc = 0;
                    strm = sbuf[pay[STB +: ENB]] & wrom[pay[0 +: STB]];
                    for (b2 = 0; b2 < L; b2 = b2 + 1) pc = pc + strm[b2];
                    dv = pay[STB+ENB] ? -pc : pc;
                end
                deliver = {fw[FWM-1 -: DSTB], dv};
            end
        end
    endfunction

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            credit <= 0; dlv_valid <= 0; dlv_word <= 0; busy <= 1'b0;
            state <= IDLE; wait_q <= 0; rr <= 0; src <= 0; ptr <= 0; end_q <= 0;
            for (c = 0; c < NF; c = c + 1) begin rd[c] <= 0; wr[c] <= 0; cnt[c] <= 0; end
            for (st = 0; st < LR; st = st + 1) begin beat_mask[st] <= 0; beat_ptr[st] <= 0; end
        end else begin
            // last edge's pushes: a FIFO takes one if it held fewer than D before this edge's pop
            for (c = 0; c < NF; c = c + 1) begin
                cnt_nx[c] = cnt[c];
                credit[c] <= 1'b0;
                if (push_valid[c] && cnt[c] < D) begin
                    fifo[c * D + wr[c]] <= push_id[c*IDB +: IDB];
                    wr[c] <= ({{(32-PB){1'b0}}, wr[c]} + 32'd1 == D) ? {PB{1'b0}} : wr[c] + 1'b1;
                    cnt_nx[c] = cnt_nx[c] + 1'b1;
                end
            end
            // the beat leaving the pipeline becomes this edge's deliveries
            outm = beat_mask[LR-1];
            dlv_valid <= outm;
            for (k = 0; k < P; k = k + 1)
                if (outm[k]) dlv_word[k*FW +: FW] <= deliver(fan_q[k]);
            fa = ptr;
            if (LR > 1) fa = beat_ptr[(LR > 1) ? LR - 2 : 0];
            for (k = 0; k < P; k = k + 1) fan_q[k] <= fanout[fa + k];
            state_nx = state;
            bm = 0;
            case (state)
                IDLE: begin
                    found = 0;
                    for (i = 0; i < NF; i = i + 1) begin
                        c = (rr + i >= NF) ? rr + i - NF : rr + i;
                        if (!found && cnt[c] != 0) begin
                            found = 1;
                            src <= fifo[c * D + rd[c]];
                            row_q <= rowmem[fifo[c * D + rd[c]]];
                            rd[c] <= ({{(32-PB){1'b0}}, rd[c]} + 32'd1 == D) ? {PB{1'b0}} : rd[c] + 1'b1;
                            cnt_nx[c] = cnt_nx[c] - 1'b1;
                            credit[c] <= 1'b1;
                            rr <= (c + 1 == NF) ? {RB{1'b0}} : c + 1;
                            wait_q <= RW;
                            state_nx = ROW;
                        end
                    end
                end
                ROW: begin
                    if (wait_q == 1 && SC != 0) begin
                        // the encoder unit: each of the source's encoders runs its L cycles into the stream buffer
                        e0 = encmap[src][0 +: ECB];
                        ec = encmap[src][ECB +: ECB];
                        for (q2 = 0; q2 < EMAX; q2 = q2 + 1)
                            if (q2 < ec) begin
                                lf = enc[e0 + q2][15:0];
                                pv = enc[e0 + q2][31:16];
                                for (b2 = 0; b2 < L; b2 = b2 + 1) begin
                                    strm[b2] = lf < pv;
                                    lf = {lf[14:0], ^(lf & TAPS)};
                                end
                                sbuf[q2] <= strm;
                                enc[e0 + q2] <= {pv, lf};
                            end
                    end
                    if (wait_q == 1) begin
                        row = row_q;
                        ptr <= row[EB-1:0];
                        end_q <= row[EB-1:0] + row[EB +: RLB];
                        state_nx = (row[EB +: RLB] == 0) ? IDLE : STREAM;
                    end
                    wait_q <= wait_q - 1'b1;
                end
                default: begin
                    nl = ({{(32-SB){1'b0}}, end_q} - ptr < P) ? end_q - ptr : P;
                    for (k = 0; k < P; k = k + 1) bm[k] = (k < nl);
                    ptr <= ptr + P;
                    if ({{(32-SB){1'b0}}, ptr} + P >= end_q) state_nx = IDLE;
                end
            endcase
            state <= state_nx;
            inflight = (bm != 0);
            for (st = LR - 1; st > 0; st = st - 1) begin
                beat_mask[st] <= beat_mask[st - 1];
                beat_ptr[st]  <= beat_ptr[st - 1];
                if (beat_mask[st - 1] != 0) inflight = 1'b1;
            end
            beat_mask[0] <= bm;
            beat_ptr[0]  <= ptr;
            any = 1'b0;
            for (c = 0; c < NF; c = c + 1) begin
                cnt[c] <= cnt_nx[c];
                if (cnt_nx[c] != 0) any = 1'b1;
            end
            busy <= any || state_nx != IDLE || inflight || outm != 0;
        end
    end
endmodule

// The external input port (EngineInputPort): at the start of phase 0 of step t it sends that step's
// events, one per edge, as sources NBASE + channel, with a credit for its FIFO (or dropped under DROP).
module sc_mfab_inport #(
    parameter NBASE = 0, IDB = 1, STEPS = 1, NEV = 1, EVB = 1, CHB = 1, PHB = 1, D = 1, CRB = 1, DROP = 0,
    parameter START_FILE = "in_start.hex",   // steps + 1 words: step t's events are [start[t], start[t+1])
    parameter CH_FILE = "in_channel.hex"     // the events' channels
) (
    input  wire           clk,
    input  wire           rst_n,
    input  wire           start,
    input  wire [31:0]    step_in,
    input  wire [PHB-1:0] phase_in,
    input  wire           credit_in,
    output reg            push_valid,
    output reg [IDB-1:0]  push_id,
    output reg            busy
);
    reg [EVB-1:0] smem [0:STEPS];
    reg [CHB-1:0] cmem [0:NEV-1];
    initial begin
        $readmemh(START_FILE, smem);
        $readmemh(CH_FILE, cmem);
    end

    reg [EVB-1:0] ptr, end_q;
    reg [CRB:0]   credits;
    reg [EVB-1:0] p, e;
    reg [CRB+1:0] cr;
    reg           push;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            push_valid <= 1'b0; push_id <= 0; busy <= 1'b0; ptr <= 0; end_q <= 0; credits <= D;
        end else begin
            cr = credits + credit_in;
            p = ptr;
            e = end_q;
            if (start && phase_in == 0) begin
                p = smem[step_in];
                e = smem[step_in + 1];
            end
            push = 1'b0;
            if (p < e && (DROP || cr != 0)) begin
                push = 1'b1;
                push_id <= NBASE + cmem[p];
                p = p + 1'b1;
                if (!DROP) cr = cr - 1'b1;
            end
            ptr <= p;
            end_q <= e;
            push_valid <= push;
            credits <= cr[CRB:0];
            busy <= p < e || push;
        end
    end
endmodule
