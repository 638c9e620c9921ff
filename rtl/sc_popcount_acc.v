// sc_popcount_acc: counts the ones of a stream of stream_len bits.
// Twin of org.scfabric.hw.sc.PopcountAccumulatorModel. Each edge:
//   start:          count <= 0; left <= stream_len   (the bit at the start edge is not counted)
//   else left != 0: count <= count + bit_in; left <= left - 1; done <= (left == 1)
// done is a one-cycle pulse on the edge that counts the last bit; count then holds.
// stream_len = 0 counts nothing and never pulses done. count wraps at COUNT_WIDTH bits.
module sc_popcount_acc #(
    parameter COUNT_WIDTH = 16,
    parameter LEN_WIDTH   = 16
) (
    input  wire                   clk,
    input  wire                   rst_n,
    input  wire                   start,
    input  wire                   bit_in,
    input  wire [LEN_WIDTH-1:0]   stream_len,
    output reg  [COUNT_WIDTH-1:0] count,
    output wire                   busy,
    output reg                    done
);
    reg [LEN_WIDTH-1:0] left;

    assign busy = (left != {LEN_WIDTH{1'b0}});

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            count <= {COUNT_WIDTH{1'b0}};
            left  <= {LEN_WIDTH{1'b0}};
            done  <= 1'b0;
        end else begin
            done <= 1'b0;
            if (start) begin
                count <= {COUNT_WIDTH{1'b0}};
                left  <= stream_len;
            end else if (busy) begin
                count <= count + {{(COUNT_WIDTH-1){1'b0}}, bit_in};
                left  <= left - 1'b1;
                done  <= (left == {{(LEN_WIDTH-1){1'b0}}, 1'b1});
            end
        end
    end
endmodule
