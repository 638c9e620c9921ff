// sc_lfsr: Fibonacci LFSR that shifts left; the XOR of the tapped bits enters at bit 0.
// Twin of org.scfabric.hw.sc.Lfsr. TAPS bit k taps state bit k (stage k+1 of the tables);
// the default is the reference x^16 + x^14 + x^13 + x^11 + 1 (bits 15, 13, 12, 10).
module sc_lfsr #(
    parameter             WIDTH = 16,
    parameter [WIDTH-1:0] TAPS  = 16'hB400,
    parameter [WIDTH-1:0] SEED  = 16'hACE1
) (
    input  wire             clk,
    input  wire             rst_n,   // asynchronous, active low: state = SEED
    input  wire             en,      // shift on this edge
    output reg  [WIDTH-1:0] state
);
    wire feedback = ^(state & TAPS);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            state <= SEED;
        else if (en)
            state <= {state[WIDTH-2:0], feedback};
    end
endmodule
