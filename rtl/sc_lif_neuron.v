// sc_lif_neuron: leaky integrate-and-fire core, wrap-around fixed point.
// Twin of org.scfabric.hw.lif.LifCore. Every edge, from the current values:
//   dv_leak = low_W(((V_REST - v) * leak_k) >>> FRACTION)   difference and product exact
//   dv_in   = low_W((I_t * gain_k) >>> FRACTION)
//   v_next  = low_W(v + dv_leak + dv_in + noise_in)
//   rc != 0:              rc <= rc - 1; spike_out <= 0; v <= V_REST
//   v_next >= V_THRESHOLD: spike_out <= 1; v <= V_RESET; rc <= REFRACTORY_PERIOD   (signed)
//   else:                 spike_out <= 0; v <= v_next
// v_out is registered with v and always equals it.
module sc_lif_neuron #(
    parameter                         DATA_WIDTH        = 16,
    parameter                         FRACTION          = 8,
    parameter signed [DATA_WIDTH-1:0] V_REST            = 0,
    parameter signed [DATA_WIDTH-1:0] V_RESET           = 0,
    parameter signed [DATA_WIDTH-1:0] V_THRESHOLD       = 256,
    parameter        [31:0]           REFRACTORY_PERIOD = 0
) (
    input  wire                          clk,
    input  wire                          rst_n,      // asynchronous, active low
    input  wire signed [DATA_WIDTH-1:0]  leak_k,
    input  wire signed [DATA_WIDTH-1:0]  gain_k,
    input  wire signed [DATA_WIDTH-1:0]  I_t,
    input  wire signed [DATA_WIDTH-1:0]  noise_in,
    output reg                           spike_out,
    output reg  signed [DATA_WIDTH-1:0]  v_out
);
    localparam W  = DATA_WIDTH;
    localparam PW = 2 * W + 2;   // (W+1)-bit difference times W-bit leak, exact

    reg signed [W-1:0] v;
    reg        [31:0]  rc;

    wire signed [W:0]    diff     = {V_REST[W-1], V_REST} - {v[W-1], v};
    wire signed [PW-1:0] leak_p   = diff * leak_k;
    wire signed [PW-1:0] in_p     = I_t * gain_k;
    wire signed [PW-1:0] leak_sh  = leak_p >>> FRACTION;
    wire signed [PW-1:0] in_sh    = in_p >>> FRACTION;
    wire signed [W-1:0]  dv_leak  = leak_sh[W-1:0];
    wire signed [W-1:0]  dv_in    = in_sh[W-1:0];
    wire signed [W-1:0]  v_next   = v + dv_leak + dv_in + noise_in;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            v         <= V_REST;
            v_out     <= V_REST;
            spike_out <= 1'b0;
            rc        <= 32'd0;
        end else if (rc != 32'd0) begin
            rc        <= rc - 32'd1;
            spike_out <= 1'b0;
            v         <= V_REST;
            v_out     <= V_REST;
        end else if (v_next >= V_THRESHOLD) begin
            spike_out <= 1'b1;
            v         <= V_RESET;
            v_out     <= V_RESET;
            rc        <= REFRACTORY_PERIOD;
        end else begin
            spike_out <= 1'b0;
            v         <= v_next;
            v_out     <= v_next;
        end
    end
endmodule
