// sc_dotproduct_to_current: I_t = y_min + (y_max - y_min) * popcount(bits) / N_INPUTS
// (combinational). Twin of org.scfabric.hw.sc.PopcountToCurrent.
// The intended arithmetic of docs/spec/hardware.md §4: the difference is exact (17 bits, signed), the product
// signed, the division truncates toward zero (Verilog signed '/'), the sum wraps to 16 bits.
// The reference RTL zero-extends a 16-bit difference instead; it differs exactly when
// y_max < y_min and 0 < popcount < N_INPUTS (see docs/components.md).
module sc_dotproduct_to_current #(
    parameter N_INPUTS = 3
) (
    input  wire [N_INPUTS-1:0] bits,
    input  wire signed [15:0]  y_min,
    input  wire signed [15:0]  y_max,
    output wire signed [15:0]  I_t
);
    localparam CW = $clog2(N_INPUTS + 1);  // popcount width
    localparam PW = 18 + CW;               // |range * count| < 2^(16 + CW), plus sign

    reg [CW-1:0] count;
    integer i;
    always @* begin
        count = {CW{1'b0}};
        for (i = 0; i < N_INPUTS; i = i + 1)
            count = count + bits[i];
    end

    localparam signed [PW-1:0] N_S = N_INPUTS;

    wire signed [16:0]   range = {y_max[15], y_max} - {y_min[15], y_min};
    wire signed [PW-1:0] prod  = range * $signed({1'b0, count});
    wire signed [PW-1:0] quot  = prod / N_S;

    assign I_t = y_min + quot[15:0];
endmodule
