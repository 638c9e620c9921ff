// sc_bitstream_encoder: LFSR + unsigned comparator with a registered output.
// Twin of org.scfabric.hw.sc.LfsrEncoderModel. Each edge, together:
//   bit_out <= (r < x_value)   on the state r BEFORE the shift
//   r       <= next(r)
// Reset value of r: SEED_INIT ^ t_index[W-1:0], or SEED_INIT when that is 0.
//
// The reset value depends on an input, which an FPGA flop cannot load asynchronously (Yosys:
// "dffs with async set and reset are not supported"). So reset sets `fresh`, and while it is set
// the state reads as the t_index seed; the first edge after reset shifts from that seed. This is
// the reference behaviour whenever t_index is stable from reset to the first edge.
module sc_bitstream_encoder #(
    parameter                  DATA_WIDTH = 16,       // x_value width (zero-extended to compare)
    parameter                  LFSR_WIDTH = 16,
    parameter [LFSR_WIDTH-1:0] TAPS       = 16'hB400,
    parameter [LFSR_WIDTH-1:0] SEED_INIT  = 16'hACE1
) (
    input  wire                  clk,
    input  wire                  rst_n,
    input  wire [DATA_WIDTH-1:0] x_value,     // unsigned probability, full scale 2^W - 1
    input  wire [31:0]           t_index,
    output reg                   bit_out,
    output wire [LFSR_WIDTH-1:0] lfsr_state   // the state the next edge compares
);
    localparam W = LFSR_WIDTH;

    reg  [W-1:0] lfsr;
    reg          fresh;
    wire [W-1:0] seed_t = SEED_INIT ^ t_index[W-1:0];
    wire [W-1:0] seed   = (seed_t == {W{1'b0}}) ? SEED_INIT : seed_t;
    wire [W-1:0] r      = fresh ? seed : lfsr;

    assign lfsr_state = r;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            lfsr    <= SEED_INIT;
            fresh   <= 1'b1;
            bit_out <= 1'b0;
        end else begin
            bit_out <= (r < x_value);
            lfsr    <= {r[W-2:0], ^(r & TAPS)};
            fresh   <= 1'b0;
        end
    end
endmodule
