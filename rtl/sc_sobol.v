// sc_sobol: 16-bit Sobol generator, Gray-code order (Antonov-Saleev).
// Twin of org.scfabric.hw.sc.SobolGenerator. Each enabled edge:
//   point   <= point ^ V[c], c = index of the lowest zero bit of counter (0 when counter = FFFF)
//   counter <= counter + 1
// Direction numbers: Joe-Kuo new-joe-kuo-6.21201, dimensions 1..8, V[k] at bits 16k+15:16k.
// Reset: counter = start_index, point = its Sobol point (XOR of V[k] over gray(start_index));
// applied through `fresh` at the first edge, as in sc_bitstream_encoder.
module sc_sobol #(
    parameter DIM = 1
) (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        en,
    input  wire [15:0] start_index,
    output wire [15:0] point,      // the point the next edge uses
    output wire [15:0] counter
);
    localparam [255:0] V =
        (DIM == 1) ? 256'h0001000200040008001000200040008001000200040008001000200040008000 :
        (DIM == 2) ? 256'hffffaaaacccc8888f0f0a0a0c0c08080ff00aa00cc008800f000a000c0008000 :
        (DIM == 3) ? 256'h905560eec09c80685590ee609cc06880c5008e005c00e80090006000c0008000 :
        (DIM == 4) ? 256'hc3058202b40c7808e6d059e02540d8809300a2007400f80050002000c0008000 :
        (DIM == 5) ? 256'h40bb81626fc4da88f0b0a1602fc05a809d007a00dc00f800b000200040008000 :
        (DIM == 6) ? 256'h8bbbb6d6df249ec81430a8607040e080fb0056002400c8003000600040008000 :
        (DIM == 7) ? 256'h8467784667844678f3101e2023c0be80e3003e0094005800d000a000c0008000 :
                     256'hba49fea27d14b228641008209e4076802d001200240088005000a00040008000;

    reg  [15:0] cnt;
    reg  [15:0] pt;
    reg         fresh;

    // the start point: XOR tree over the bits of gray(start_index)
    wire [15:0] gray = start_index ^ (start_index >> 1);
    reg  [15:0] start_point;
    integer i;
    always @* begin
        start_point = 16'h0000;
        for (i = 0; i < 16; i = i + 1)
            if (gray[i]) start_point = start_point ^ V[16*i +: 16];
    end

    assign counter = fresh ? start_index : cnt;
    assign point   = fresh ? start_point : pt;

    // index of the lowest zero bit; 16 (no zero bit) wraps the point to 0 with the counter
    reg [4:0] c;
    integer j;
    always @* begin
        c = 5'd16;
        for (j = 15; j >= 0; j = j - 1)
            if (!counter[j]) c = j;
    end

    wire [15:0] v_c        = V[16*c[3:0] +: 16];
    wire [15:0] point_next = c[4] ? 16'h0000 : (point ^ v_c);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt   <= 16'h0000;
            pt    <= 16'h0000;
            fresh <= 1'b1;
        end else begin
            cnt   <= en ? counter + 16'd1 : counter;
            pt    <= en ? point_next : point;
            fresh <= 1'b0;
        end
    end
endmodule
