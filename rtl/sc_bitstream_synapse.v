// sc_bitstream_synapse: post = pre & w, the unipolar SC multiply (combinational).
// Twin of org.scfabric.hw.sc.AndSynapse. N lanes side by side.
module sc_bitstream_synapse #(
    parameter N = 1
) (
    input  wire [N-1:0] pre,
    input  wire [N-1:0] w,
    output wire [N-1:0] post
);
    assign post = pre & w;
endmodule
