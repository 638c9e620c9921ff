// sc_sobol_encoder: sc_sobol + the same registered unsigned comparator as sc_bitstream_encoder,
// so the two are interchangeable. Twin of org.scfabric.hw.sc.SobolEncoderModel.
//   bit_out <= (point < x_value) on the point before it advances.
// Over 2^16 edges it emits exactly x_value ones. Reset: counter = t_index[15:0].
module sc_sobol_encoder #(
    parameter DIM = 1
) (
    input  wire        clk,
    input  wire        rst_n,
    input  wire [15:0] x_value,
    input  wire [31:0] t_index,
    output reg         bit_out,
    output wire [15:0] sobol_point,
    output wire [15:0] sobol_counter
);
    sc_sobol #(.DIM(DIM)) gen (
        .clk(clk), .rst_n(rst_n), .en(1'b1), .start_index(t_index[15:0]),
        .point(sobol_point), .counter(sobol_counter)
    );

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            bit_out <= 1'b0;
        else
            bit_out <= (sobol_point < x_value);
    end
endmodule
