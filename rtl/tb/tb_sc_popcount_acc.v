// Co-simulation bench for sc_popcount_acc: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_popcount_acc;
    parameter COUNT_WIDTH = 16;
    parameter LEN_WIDTH = 16;

    reg clk = 1'b0;
    reg rst_n;
    reg start;
    reg bit_in;
    reg [LEN_WIDTH-1:0] stream_len;
    wire [COUNT_WIDTH-1:0] count;
    wire busy;
    wire done;
    reg [1-1:0] f_rst_n;
    reg [1-1:0] f_start;
    reg [1-1:0] f_bit_in;
    reg [LEN_WIDTH-1:0] f_stream_len;

    sc_popcount_acc #(.COUNT_WIDTH(COUNT_WIDTH), .LEN_WIDTH(LEN_WIDTH)) dut (.clk(clk), .rst_n(rst_n), .start(start),
        .bit_in(bit_in), .stream_len(stream_len), .count(count), .busy(busy), .done(done));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_popcount_acc: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_popcount_acc: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h %h\n", f_rst_n, f_start, f_bit_in, f_stream_len);
        while (n == 4) begin
            rst_n = f_rst_n[0];
            start = f_start;
            bit_in = f_bit_in;
            stream_len = f_stream_len;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h %h %h", count, busy, done);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h %h %h\n", f_rst_n, f_start, f_bit_in, f_stream_len);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
