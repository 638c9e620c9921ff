// sc_cuba_lif_neuron: current-based LIF core (a synaptic-current register i in front of the
// membrane v), wrap-around fixed point like sc_lif_neuron. Twin of org.scfabric.hw.lif.CubaLifCore.
// Forward Euler in the order of NIR's CubaLIF (the new i drives v in the same edge):
//   drive  = low_W((I_t * w_in) >>> FRACTION)
//   i_next = low_W(i + low_W(((drive - i) * k_syn) >>> FRACTION))          difference and product exact
//   ri     = low_W((i_next * r_k) >>> FRACTION)
//   v_next = low_W(v + low_W(((V_LEAK - v + ri) * k_mem) >>> FRACTION))    sum and product exact
//   i <= i_next always; v_next > V_THRESHOLD (signed, strict): spike_out <= 1, v <= V_RESET
//   else spike_out <= 0, v <= v_next.
// k_syn = dt/tau_syn and k_mem = dt/tau_mem in Q(FRACTION). With V_THRESHOLD at the largest signed
// value it never fires: that is the CubaLI core. v_out and i_out are registered with v and i.
module sc_cuba_lif_neuron #(
    parameter                         DATA_WIDTH  = 16,
    parameter                         FRACTION    = 8,
    parameter signed [DATA_WIDTH-1:0] V_LEAK      = 0,
    parameter signed [DATA_WIDTH-1:0] V_RESET     = 0,
    parameter signed [DATA_WIDTH-1:0] V_THRESHOLD = 256
) (
    input  wire                          clk,
    input  wire                          rst_n,      // asynchronous, active low; state starts at 0
    input  wire signed [DATA_WIDTH-1:0]  k_syn,
    input  wire signed [DATA_WIDTH-1:0]  k_mem,
    input  wire signed [DATA_WIDTH-1:0]  w_in,
    input  wire signed [DATA_WIDTH-1:0]  r_k,
    input  wire signed [DATA_WIDTH-1:0]  I_t,
    output reg                           spike_out,
    output reg  signed [DATA_WIDTH-1:0]  v_out,
    output reg  signed [DATA_WIDTH-1:0]  i_out
);
    localparam W  = DATA_WIDTH;
    localparam PW = 2 * W + 3;   // (W+2)-bit sum times W-bit factor, exact

    reg signed [W-1:0] v;
    reg signed [W-1:0] i;

    wire signed [PW-1:0] drive_p  = I_t * w_in;
    wire signed [PW-1:0] drive_sh = drive_p >>> FRACTION;
    wire signed [W-1:0]  drive    = drive_sh[W-1:0];

    wire signed [W:0]    syn_diff = {drive[W-1], drive} - {i[W-1], i};
    wire signed [PW-1:0] syn_p    = syn_diff * k_syn;
    wire signed [PW-1:0] syn_sh   = syn_p >>> FRACTION;
    wire signed [W-1:0]  di       = syn_sh[W-1:0];
    wire signed [W-1:0]  i_next   = i + di;

    wire signed [PW-1:0] ri_p     = i_next * r_k;
    wire signed [PW-1:0] ri_sh    = ri_p >>> FRACTION;
    wire signed [W-1:0]  ri       = ri_sh[W-1:0];

    wire signed [W+1:0]  mem_sum  = {{2{V_LEAK[W-1]}}, V_LEAK} - {{2{v[W-1]}}, v} + {{2{ri[W-1]}}, ri};
    wire signed [PW-1:0] mem_p    = mem_sum * k_mem;
    wire signed [PW-1:0] mem_sh   = mem_p >>> FRACTION;
    wire signed [W-1:0]  dv       = mem_sh[W-1:0];
    wire signed [W-1:0]  v_next   = v + dv;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            v         <= {W{1'b0}};
            v_out     <= {W{1'b0}};
            i         <= {W{1'b0}};
            i_out     <= {W{1'b0}};
            spike_out <= 1'b0;
        end else begin
            i     <= i_next;
            i_out <= i_next;
            if (v_next > V_THRESHOLD) begin
                spike_out <= 1'b1;
                v         <= V_RESET;
                v_out     <= V_RESET;
            end else begin
                spike_out <= 1'b0;
                v         <= v_next;
                v_out     <= v_next;
            end
        end
    end
endmodule
