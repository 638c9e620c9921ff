// sc_fabric: a time-multiplexed SC neuromorphic core. Twin of org.scfabric.hw.fabric.Fabric
// (NeuronCore, SynapseRouter, TimestepController): the same registers, the same edge-by-edge
// behaviour, so spikes and cycle counts agree exactly (co-simulated by FabricCosimTest).
//
//   K cores, core c serving neurons [c*N/K, (c+1)*N/K): state v / rc / drive LFSR in memories,
//   input accumulators in two banks (ping-pong by timestep parity), one LIF datapath each
//   (sc_lif_neuron arithmetic, leak and gain constant), pipeline latency LC.
//   One spike FIFO of depth D per core; the router pops them round-robin, reads the spike's row
//   (start, length) and streams its fan-out, P synapses per cycle, read latency LR; the cores add
//   the weights into the next step's accumulators.
//   The controller starts a step, waits until every unit is idle, starts the next one.
//
// Verilog-2005. Memory contents: LFSR seeds per core (hex files LFSR_PREFIX<c>.hex), the row and
// fan-out memories (ROW_FILE, FAN_FILE), written by org.scfabric.hw.fabric.FabricRtl.

module sc_fabric #(
    parameter N = 16, K = 1, D = 8, P = 1, LC = 2, LR = 1,
    parameter W = 16, F = 8,
    parameter signed [W-1:0] V_REST = 0, V_RESET = 2560, V_TH = 5120, LEAK = 1, GAIN = 256, JEXT = 25,
    parameter [31:0] REFR = 2,
    parameter [15*17-1:0] CDF = 0,
    parameter [31:0] STEPS = 10,
    parameter NSYN = 1,             // synapses (fan-out memory words, >= 1)
    parameter RLB = 1,              // bits of a row length
    parameter DROP = 0,             // 1: a spike meeting a full FIFO is dropped; 0: cores wait for credits
    parameter LFSR_PREFIX = "lfsr",
    parameter ROW_FILE = "row.hex",
    parameter FAN_FILE = "fanout.hex"
) (
    input  wire                 clk,
    input  wire                 rst_n,
    output wire [K-1:0]         spike_valid,   // core c spiked at the last edge
    output wire [K*IDB-1:0]     spike_id,
    output wire                 step_start,    // a step started at the last edge
    output wire                 finished
);
    function integer bitsfor;       // bits to hold 0..v, at least 1
        input integer v;
        integer b;
        begin
            b = 1;
            while ((v >> b) != 0) b = b + 1;
            bitsfor = b;
        end
    endfunction

    localparam IDB = bitsfor(N - 1);
    localparam EB  = bitsfor(NSYN);
    localparam RCB = bitsfor(REFR);

    wire        start, par;
    wire [K-1:0] core_busy, credit;
    wire        router_busy;
    wire [P-1:0] dlv_valid;
    wire [P*IDB-1:0] dlv_tgt;
    wire [P*W-1:0]   dlv_w;

    assign step_start = start;

    sc_fabric_ctrl #(.K(K), .STEPS(STEPS)) ctrl (
        .clk(clk), .rst_n(rst_n), .core_busy(core_busy), .router_busy(router_busy),
        .start(start), .par(par), .finished(finished));

    genvar c;
    generate
        for (c = 0; c < K; c = c + 1) begin : core
            localparam BASE = c * N / K;
            localparam SIZE = (c + 1) * N / K - c * N / K;
            localparam [7:0] DIGIT = 48 + c;
            sc_fabric_core #(
                .BASE(BASE), .SIZE(SIZE), .AB(bitsfor(SIZE - 1)), .IDB(IDB), .W(W), .F(F), .P(P), .LC(LC),
                .D(D), .CRB(bitsfor(D)), .DROP(DROP), .RCB(RCB),
                .V_REST(V_REST), .V_RESET(V_RESET), .V_TH(V_TH), .LEAK(LEAK), .GAIN(GAIN), .JEXT(JEXT),
                .REFR(REFR), .CDF(CDF), .LFSR_FILE({LFSR_PREFIX, DIGIT, ".hex"})
            ) u (
                .clk(clk), .rst_n(rst_n), .start(start), .par_in(par), .credit_in(credit[c]),
                .dlv_valid(dlv_valid), .dlv_tgt(dlv_tgt), .dlv_w(dlv_w),
                .push_valid(spike_valid[c]), .push_id(spike_id[c*IDB +: IDB]), .busy(core_busy[c]));
        end
    endgenerate

    sc_fabric_router #(
        .N(N), .K(K), .D(D), .P(P), .LR(LR), .W(W), .IDB(IDB), .EB(EB), .RLB(RLB), .NSYN(NSYN),
        .DB(bitsfor(D)), .PB(bitsfor(D - 1)), .KB(bitsfor(K - 1)), .WB(bitsfor(LR)),
        .ROW_FILE(ROW_FILE), .FAN_FILE(FAN_FILE)
    ) router (
        .clk(clk), .rst_n(rst_n), .push_valid(spike_valid), .push_id(spike_id), .credit(credit),
        .dlv_valid(dlv_valid), .dlv_tgt(dlv_tgt), .dlv_w(dlv_w), .busy(router_busy));
endmodule

// The timestep controller (TimestepController).
module sc_fabric_ctrl #(parameter K = 1, parameter [31:0] STEPS = 1) (
    input  wire         clk,
    input  wire         rst_n,
    input  wire [K-1:0] core_busy,
    input  wire         router_busy,
    output reg          start,
    output reg          par,
    output wire         finished
);
    reg [1:0]  run;
    reg [31:0] step;
    assign finished = (run == 2'd2);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run <= 2'd0; start <= 1'b0; par <= 1'b0; step <= 32'd0;
        end else if (run == 2'd0) begin
            start <= 1'b1; par <= 1'b0; run <= 2'd1;
        end else if (run == 2'd1) begin
            if (start)
                start <= 1'b0;
            else if (!router_busy && core_busy == {K{1'b0}}) begin
                if (step + 32'd1 == STEPS)
                    run <= 2'd2;
                else begin
                    start <= 1'b1; par <= ~par; step <= step + 32'd1;
                end
            end
        end
    end
endmodule

// A neuron core (NeuronCore).
module sc_fabric_core #(
    parameter BASE = 0, SIZE = 1, AB = 1, IDB = 1, W = 16, F = 8, P = 1, LC = 1, D = 1, CRB = 1,
    parameter DROP = 0, RCB = 1,
    parameter signed [W-1:0] V_REST = 0, V_RESET = 0, V_TH = 256, LEAK = 1, GAIN = 256, JEXT = 0,
    parameter [31:0] REFR = 0,
    parameter [15*17-1:0] CDF = 0,
    parameter LFSR_FILE = "lfsr0.hex"
) (
    input  wire             clk,
    input  wire             rst_n,
    input  wire             start,
    input  wire             par_in,
    input  wire             credit_in,
    input  wire [P-1:0]     dlv_valid,
    input  wire [P*IDB-1:0] dlv_tgt,
    input  wire [P*W-1:0]   dlv_w,
    output reg              push_valid,
    output reg  [IDB-1:0]   push_id,
    output reg              busy
);
    localparam PW = 2 * W + 2;
    localparam [31:0] TAPS = 32'h80200003;   // XAPP052 32, 22, 2, 1

    reg [W-1:0]   vmem  [0:SIZE-1];
    reg [RCB-1:0] rcmem [0:SIZE-1];
    reg [31:0]    lfsr  [0:SIZE-1];

    integer i;
    initial begin
        $readmemh(LFSR_FILE, lfsr);
        for (i = 0; i < SIZE; i = i + 1) begin
            vmem[i] = V_REST; rcmem[i] = 0;
        end
    end

    function [31:0] leap16;
        input [31:0] s;
        integer j;
        reg [31:0] r;
        begin
            r = s;
            for (j = 0; j < 16; j = j + 1) r = {r[30:0], ^(r & TAPS)};
            leap16 = r;
        end
    endfunction

    // Poisson kicks: the number of thresholds u reaches. The thresholds ascend (a CDF), so the
    // comparisons form a thermometer code t (t[m] = 1 for m < k), turned into binary without an adder.
    function [3:0] kicks;
        input [15:0] u;
        integer m;
        reg [15:0] t;
        begin
            t = 16'd0;
            for (m = 0; m < 15; m = m + 1) t[m] = ({1'b0, u} >= CDF[m*17 +: 17]);
            kicks[3] = t[7];
            kicks[2] = (t[3] & ~t[7]) | t[11];
            kicks[1] = (t[1] & ~t[3]) | (t[5] & ~t[7]) | (t[9] & ~t[11]) | t[13];
            kicks[0] = (t[0] & ~t[1]) | (t[2] & ~t[3]) | (t[4] & ~t[5]) | (t[6] & ~t[7]) | (t[8] & ~t[9])
                     | (t[10] & ~t[11]) | (t[12] & ~t[13]) | t[14];
        end
    endfunction

    reg           issuing;
    reg [AB-1:0]  addr;
    reg           par_q;
    reg [CRB-1:0] credits;
    reg [LC-1:0]  st_valid;
    reg [AB-1:0]  st_addr [0:LC-1];

    // The state memories and the accumulator are block RAMs with a registered read. A neuron's words
    // are written only at its own result stage (its accumulator bank takes no deliveries in its step),
    // so reading them earlier gives the same values. With LC = 1 they are read one edge ahead and the
    // drive and the LIF are computed in the result cycle; with LC >= 2 they are read when the neuron is
    // two stages from the result, the drive (LFSR leap, Poisson kicks, input current) is computed and
    // registered in the stage before the result, and the result cycle holds only the LIF.
    reg [W-1:0]   rd_v;
    reg [RCB-1:0] rd_rc;
    reg [31:0]    rd_lf;
    wire [AB-1:0] rd_addr;
    wire [W-1:0]  acc_rd;                  // the accumulator read with rd_v (bank par), see below
    wire          par = start ? par_in : par_q;

    wire [31:0]   lf_calc  = leap16(rd_lf);
    wire [W-1:0]  cur_calc = acc_rd + kicks(lf_calc[15:0]) * JEXT;
    reg  [31:0]   lf_p;
    reg  [W-1:0]  cur_p, v_p;
    reg  [RCB-1:0] rc_p;
    always @(posedge clk) begin
        lf_p <= lf_calc; cur_p <= cur_calc; v_p <= rd_v; rc_p <= rd_rc;
    end

    // the result stage
    wire                 res_valid = st_valid[LC-1];
    wire [AB-1:0]        ra        = st_addr[LC-1];
    wire [31:0]          lf_new    = (LC == 1) ? lf_calc : lf_p;
    wire signed [W-1:0]  cur       = (LC == 1) ? cur_calc : cur_p;
    wire signed [W-1:0]  v         = (LC == 1) ? rd_v : v_p;
    wire [RCB-1:0]       rc        = (LC == 1) ? rd_rc : rc_p;
    wire signed [W:0]    diff      = {V_REST[W-1], V_REST} - {v[W-1], v};
    wire signed [PW-1:0] leak_p    = diff * LEAK;
    wire signed [PW-1:0] in_p      = cur * GAIN;
    wire signed [PW-1:0] leak_sh   = leak_p >>> F;
    wire signed [PW-1:0] in_sh     = in_p >>> F;
    wire signed [W-1:0]  dv_leak   = leak_sh[W-1:0];
    wire signed [W-1:0]  dv_in     = in_sh[W-1:0];
    wire signed [W-1:0]  v_next    = v + dv_leak + dv_in;
    wire                 spike     = res_valid && rc == 0 && v_next >= V_TH;

    // issue
    reg           ret;        // a neuron that did not spike returns its credit, one edge late
    wire [CRB:0]  credits_now = credits + credit_in + ret;
    wire          issuing_now = start | issuing;
    wire [AB-1:0] addr_now    = start ? {AB{1'b0}} : addr;
    wire          issue       = issuing_now && (DROP || credits_now != 0);
    wire          issuing_nx  = issue ? ({{(32-AB){1'b0}}, addr_now} + 32'd1 < SIZE) : issuing_now;
    wire [LC-1:0] st_nx       = (LC == 1) ? issue : {st_valid, issue};

    generate
        if (LC == 1) begin : rd1
            assign rd_addr = addr_now;      // read one edge before the result
        end else if (LC == 2) begin : rd2
            assign rd_addr = addr_now;      // read at the issue edge, two before the result
        end else begin : rdn
            assign rd_addr = st_addr[LC-3];
        end
    endgenerate

    // The input accumulators: two banks, the result stage reads and clears bank par, the deliveries of
    // the router add into bank 1 - par.
    generate
        if (P == 1) begin : accb
            // One delivery per cycle: each bank is a block RAM with one read and one write port. A
            // delivery is a read-modify-write over two edges (read at the edge it arrives, write at the
            // next, forwarding the word written meanwhile); its bank is read next only in the next step,
            // which starts at least two edges after the last delivery.
            reg [W-1:0]  acc0 [0:SIZE-1];
            reg [W-1:0]  acc1 [0:SIZE-1];
            reg [W-1:0]  rd0, rd1;
            reg          m_valid;              // a delivery read at the last edge, to be written now
            reg [AB-1:0] m_addr;
            reg [W-1:0]  m_w;
            reg          w_valid;              // the delivery word written at the last edge
            reg [AB-1:0] w_addr;
            reg [W-1:0]  w_data;
            integer j;
            initial for (j = 0; j < SIZE; j = j + 1) begin acc0[j] = 0; acc1[j] = 0; end
            wire [IDB-1:0] tgt    = dlv_tgt[IDB-1:0];
            wire           d_in   = dlv_valid[0] && tgt >= BASE && tgt < BASE + SIZE;
            wire [AB-1:0]  d_addr = tgt - BASE;
            wire [W-1:0]   d_old  = (w_valid && w_addr == m_addr) ? w_data : (par_q ? rd0 : rd1);
            wire [W-1:0]   d_sum  = d_old + m_w;
            assign acc_rd = par_q ? rd1 : rd0;
            always @(posedge clk) begin
                rd0 <= acc0[par ? d_addr : rd_addr];
                rd1 <= acc1[par ? rd_addr : d_addr];
                if (rst_n) begin
                    if (res_valid && !par_q) acc0[ra] <= {W{1'b0}};
                    if (res_valid && par_q) acc1[ra] <= {W{1'b0}};
                    if (m_valid && par_q) acc0[m_addr] <= d_sum;
                    if (m_valid && !par_q) acc1[m_addr] <= d_sum;
                end
                m_valid <= rst_n && d_in;
                m_addr  <= d_addr;
                m_w     <= dlv_w[W-1:0];
                w_valid <= rst_n && m_valid;
                w_addr  <= m_addr;
                w_data  <= d_sum;
            end
        end else begin : accr
            // P deliveries per cycle to any neurons: registers with P write ports.
            reg [W-1:0] acc [0:2*SIZE-1];
            reg [W-1:0] rd_acc;
            integer j, q;
            reg [IDB-1:0] tgt;
            reg [AB:0]    didx;
            initial for (j = 0; j < 2 * SIZE; j = j + 1) acc[j] = 0;
            assign acc_rd = rd_acc;
            always @(posedge clk) begin
                rd_acc <= acc[par ? SIZE + rd_addr : {1'b0, rd_addr}];
                if (rst_n) begin
                    for (q = 0; q < P; q = q + 1) begin
                        tgt = dlv_tgt[q*IDB +: IDB];
                        didx = par_q ? tgt - BASE : SIZE + tgt - BASE;
                        if (dlv_valid[q] && tgt >= BASE && tgt < BASE + SIZE)
                            acc[didx] <= acc[didx] + dlv_w[q*W +: W];
                    end
                    if (res_valid) acc[par_q ? SIZE + ra : {1'b0, ra}] <= {W{1'b0}};
                end
            end
        end
    endgenerate

    always @(posedge clk) begin
        rd_v  <= vmem[rd_addr];
        rd_rc <= rcmem[rd_addr];
        rd_lf <= lfsr[rd_addr];
        if (rst_n && res_valid) begin
            lfsr[ra] <= lf_new;
            if (rc != 0) begin
                vmem[ra] <= V_REST; rcmem[ra] <= rc - 1'b1;
            end else if (spike) begin
                vmem[ra] <= V_RESET; rcmem[ra] <= REFR;
            end else begin
                vmem[ra] <= v_next; rcmem[ra] <= 0;
            end
        end
    end

    integer p, k;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            push_valid <= 1'b0; push_id <= 0; busy <= 1'b0; issuing <= 1'b0; addr <= 0; par_q <= 1'b0;
            credits <= D; st_valid <= 0; ret <= 1'b0;
            for (k = 0; k < LC; k = k + 1) st_addr[k] <= 0;
        end else begin
            if (start) par_q <= par_in;
            push_valid <= spike;
            ret <= res_valid && !spike && !DROP;
            if (spike) push_id <= BASE + ra;
            // issue
            if (issue) addr <= addr_now + 1'b1;
            else if (start) addr <= 0;
            issuing <= issuing_nx;
            st_valid <= st_nx;
            for (k = LC - 1; k > 0; k = k - 1) st_addr[k] <= st_addr[k - 1];
            if (issue) st_addr[0] <= addr_now;
            if (!DROP) credits <= credits_now - (issue ? 1'b1 : 1'b0);
            busy <= issuing_nx || st_nx != 0 || spike;
        end
    end
endmodule

// The spike FIFOs and the synapse router (SynapseRouter).
module sc_fabric_router #(
    parameter N = 16, K = 1, D = 8, P = 1, LR = 1, W = 16, IDB = 4, EB = 1, RLB = 1, NSYN = 1,
    parameter DB = 4, PB = 3, KB = 1, WB = 1,
    parameter ROW_FILE = "row.hex",
    parameter FAN_FILE = "fanout.hex"
) (
    input  wire             clk,
    input  wire             rst_n,
    input  wire [K-1:0]     push_valid,
    input  wire [K*IDB-1:0] push_id,
    output reg  [K-1:0]     credit,
    output reg  [P-1:0]     dlv_valid,
    output reg  [P*IDB-1:0] dlv_tgt,
    output reg  [P*W-1:0]   dlv_w,
    output reg              busy
);
    localparam IDLE = 2'd0, ROW = 2'd1, STREAM = 2'd2;

    reg [EB+RLB-1:0]  rowmem [0:N-1];
    reg [IDB+W-1:0]   fanout [0:NSYN-1];
    initial begin
        $readmemh(ROW_FILE, rowmem);
        $readmemh(FAN_FILE, fanout);
    end

    reg [PB-1:0]  rd  [0:K-1];
    reg [PB-1:0]  wr  [0:K-1];
    reg [DB-1:0]  cnt [0:K-1];

    // one FIFO memory per core (one write port each); heads[c] is the word at FIFO c's read pointer
    wire [K*IDB-1:0] heads;
    genvar gc;
    generate
        for (gc = 0; gc < K; gc = gc + 1) begin : fq
            reg [IDB-1:0] mem [0:D-1];
            always @(posedge clk)
                if (rst_n && push_valid[gc] && cnt[gc] < D) mem[wr[gc]] <= push_id[gc*IDB +: IDB];
            assign heads[gc*IDB +: IDB] = mem[rd[gc]];
        end
    endgenerate
    reg [1:0]     state;
    reg [WB-1:0]  wait_q;
    reg [KB-1:0]  rr;
    reg [IDB-1:0] src;
    reg [EB-1:0]  ptr, end_q;
    reg           first;
    reg [P-1:0]   beat_mask [0:LR-1];
    reg [EB-1:0]  beat_ptr  [0:LR-1];

    // Block-RAM reads: the row of a spike is read at the edge it is popped (held until the wait ends),
    // the fan-out words of a beat one edge before the beat leaves the pipeline. Both memories are
    // read-only, so reading early gives the same words.
    reg [EB+RLB-1:0] row_q;
    reg [IDB+W-1:0]  fan_q [0:P-1];
    reg              pop_now;
    reg [IDB-1:0]    pop_id;
    reg [EB-1:0]     fan_addr;
    integer ci, ii;
    always @* begin
        pop_now = 1'b0;
        pop_id = {IDB{1'b0}};
        if (state == IDLE) begin
            for (ii = 0; ii < K; ii = ii + 1) begin
                ci = (rr + ii >= K) ? rr + ii - K : rr + ii;
                if (!pop_now && cnt[ci] != 0) begin
                    pop_now = 1'b1;
                    pop_id = heads[ci*IDB +: IDB];
                end
            end
        end
    end
    generate
        if (LR == 1) begin : fa1
            always @* fan_addr = ptr;          // the beat issued at this edge leaves at the next
        end else begin : fan
            always @* fan_addr = beat_ptr[LR-2];
        end
    endgenerate
    integer qi;
    always @(posedge clk) begin
        if (pop_now) row_q <= rowmem[pop_id];
        for (qi = 0; qi < P; qi = qi + 1) fan_q[qi] <= fanout[fan_addr + qi];
    end

    // per-edge temporaries (blocking, assigned before use at every edge)
    integer c, i, q, st, found, nlanes;
    reg [DB:0]   cnt_nx [0:K-1];
    reg [1:0]    state_nx;
    reg [P-1:0]  bmask;
    reg [EB+RLB-1:0] row;
    reg [31:0]   ptr32, end32;
    reg          any, inflight;
    reg [IDB+W-1:0] word;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            credit <= 0; dlv_valid <= 0; dlv_tgt <= 0; dlv_w <= 0; busy <= 1'b0;
            state <= IDLE; wait_q <= 0; rr <= 0; src <= 0; ptr <= 0; end_q <= 0; first <= 1'b0;
            for (c = 0; c < K; c = c + 1) begin rd[c] <= 0; wr[c] <= 0; cnt[c] <= 0; end
            for (st = 0; st < LR; st = st + 1) begin beat_mask[st] <= 0; beat_ptr[st] <= 0; end
        end else begin
            // pushes: a FIFO takes a spike if it holds fewer than D before this edge's pop
            for (c = 0; c < K; c = c + 1) begin
                cnt_nx[c] = cnt[c];
                credit[c] <= 1'b0;
                if (push_valid[c] && cnt[c] < D) begin
                    wr[c] <= ({{(32-PB){1'b0}}, wr[c]} + 32'd1 == D) ? {PB{1'b0}} : wr[c] + 1'b1;
                    cnt_nx[c] = cnt_nx[c] + 1'b1;
                end
            end
            // the beat leaving the pipeline is read and registered on dlv_*
            dlv_valid <= beat_mask[LR-1];
            for (q = 0; q < P; q = q + 1) begin
                if (beat_mask[LR-1][q]) begin
                    word = fan_q[q];
                    dlv_tgt[q*IDB +: IDB] <= word[IDB+W-1:W];
                    dlv_w[q*W +: W] <= word[W-1:0];
                end
            end
            // the router FSM
            state_nx = state;
            bmask = 0;
            ptr32 = ptr;
            end32 = end_q;
            case (state)
                IDLE: begin
                    found = 0;
                    for (i = 0; i < K; i = i + 1) begin
                        c = (rr + i >= K) ? rr + i - K : rr + i;
                        if (!found && cnt[c] != 0) begin
                            found = 1;
                            src <= heads[c*IDB +: IDB];
                            rd[c] <= ({{(32-PB){1'b0}}, rd[c]} + 32'd1 == D) ? {PB{1'b0}} : rd[c] + 1'b1;
                            cnt_nx[c] = cnt_nx[c] - 1'b1;
                            credit[c] <= 1'b1;
                            rr <= (c + 1 == K) ? 0 : c + 1;
                            wait_q <= LR;
                            state_nx = ROW;
                        end
                    end
                end
                ROW: begin
                    if (wait_q == 1) begin
                        row = row_q;
                        ptr <= row[EB-1:0];
                        end_q <= row[EB-1:0] + row[EB+RLB-1:EB];
                        first <= 1'b1;
                        state_nx = (row[EB+RLB-1:EB] == 0) ? IDLE : STREAM;
                    end
                    wait_q <= wait_q - 1'b1;
                end
                default: begin
                    nlanes = (end32 - ptr32 < P) ? end32 - ptr32 : P;
                    for (q = 0; q < P; q = q + 1) bmask[q] = (q < nlanes);
                    first <= 1'b0;
                    ptr <= ptr32 + P;
                    if (ptr32 + P >= end32) state_nx = IDLE;
                end
            endcase
            state <= state_nx;
            // shift the beat pipeline
            inflight = (bmask != 0);
            for (st = LR - 1; st > 0; st = st - 1) begin
                beat_mask[st] <= beat_mask[st - 1];
                beat_ptr[st]  <= beat_ptr[st - 1];
                if (beat_mask[st - 1] != 0) inflight = 1'b1;
            end
            beat_mask[0] <= bmask;
            beat_ptr[0]  <= ptr;
            any = 1'b0;
            for (c = 0; c < K; c = c + 1) begin
                cnt[c] <= cnt_nx[c];
                if (cnt_nx[c] != 0) any = 1'b1;
            end
            busy <= any || state_nx != IDLE || inflight || beat_mask[LR-1] != 0;
        end
    end
endmodule
