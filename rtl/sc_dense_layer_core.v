// sc_dense_layer_core: N_INPUTS input and weight encoders, AND synapses, one popcount-to-current
// block whose I_t feeds every LIF of the layer (noise 0). Twin of org.scfabric.hw.layer.DenseLayerCore.
// Seeds: input encoder i 0xACE1 + 7i, weight encoder i 0xBEEF + 13i (mod 2^16), t_index 0.
// Encoders and neurons run freely from reset. Control: on an edge with start_pulse while not
// running, running goes high for exactly stream_len cycles; the edge that ends it raises run_done
// for one cycle (stream_len = 0: run_done at once, no running). Latency x/w -> spike: 2 edges.
module sc_dense_layer_core #(
    parameter               N_INPUTS          = 3,
    parameter               N_NEURONS         = 2,
    parameter               LEN_WIDTH         = 16,
    parameter               FRACTION          = 8,
    parameter signed [15:0] V_REST            = 0,
    parameter signed [15:0] V_RESET           = 0,
    parameter signed [15:0] V_THRESHOLD       = 256,
    parameter        [31:0] REFRACTORY_PERIOD = 0
) (
    input  wire                      clk,
    input  wire                      rst_n,
    input  wire                      start_pulse,
    input  wire [LEN_WIDTH-1:0]      stream_len,
    input  wire [16*N_INPUTS-1:0]    x_flat,      // x_i at bits 16i+15:16i, unsigned
    input  wire [16*N_INPUTS-1:0]    w_flat,
    input  wire signed [15:0]        y_min,
    input  wire signed [15:0]        y_max,
    input  wire signed [15:0]        leak_k,
    input  wire signed [15:0]        gain_k,
    output reg                       running,
    output reg                       run_done,
    output wire [N_INPUTS-1:0]       x_bits,
    output wire [N_INPUTS-1:0]       w_bits,
    output wire signed [15:0]        I_t,
    output wire [N_NEURONS-1:0]      spikes,
    output wire [16*N_NEURONS-1:0]   v_flat
);
    wire [N_INPUTS-1:0] post;

    genvar i;
    generate
        for (i = 0; i < N_INPUTS; i = i + 1) begin : enc
            sc_bitstream_encoder #(.SEED_INIT(16'hACE1 + 7 * i)) x_enc (
                .clk(clk), .rst_n(rst_n), .x_value(x_flat[16*i +: 16]), .t_index(32'd0),
                .bit_out(x_bits[i]), .lfsr_state()
            );
            sc_bitstream_encoder #(.SEED_INIT(16'hBEEF + 13 * i)) w_enc (
                .clk(clk), .rst_n(rst_n), .x_value(w_flat[16*i +: 16]), .t_index(32'd0),
                .bit_out(w_bits[i]), .lfsr_state()
            );
        end
    endgenerate

    sc_bitstream_synapse #(.N(N_INPUTS)) syn (.pre(x_bits), .w(w_bits), .post(post));

    sc_dotproduct_to_current #(.N_INPUTS(N_INPUTS)) p2c (
        .bits(post), .y_min(y_min), .y_max(y_max), .I_t(I_t)
    );

    genvar j;
    generate
        for (j = 0; j < N_NEURONS; j = j + 1) begin : lif
            sc_lif_neuron #(
                .DATA_WIDTH(16), .FRACTION(FRACTION), .V_REST(V_REST), .V_RESET(V_RESET),
                .V_THRESHOLD(V_THRESHOLD), .REFRACTORY_PERIOD(REFRACTORY_PERIOD)
            ) neuron (
                .clk(clk), .rst_n(rst_n), .leak_k(leak_k), .gain_k(gain_k), .I_t(I_t),
                .noise_in(16'sd0), .spike_out(spikes[j]), .v_out(v_flat[16*j +: 16])
            );
        end
    endgenerate

    reg [LEN_WIDTH-1:0] left;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            running  <= 1'b0;
            run_done <= 1'b0;
            left     <= {LEN_WIDTH{1'b0}};
        end else begin
            run_done <= 1'b0;
            if (running) begin
                left <= left - 1'b1;
                if (left == {{(LEN_WIDTH-1){1'b0}}, 1'b1}) begin
                    running  <= 1'b0;
                    run_done <= 1'b1;
                end
            end else if (start_pulse) begin
                if (stream_len == {LEN_WIDTH{1'b0}})
                    run_done <= 1'b1;
                else begin
                    running <= 1'b1;
                    left    <= stream_len;
                end
            end
        end
    end
endmodule
