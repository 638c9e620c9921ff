// Co-simulation bench for sc_sobol: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_sobol;
    parameter DIM = 1;

    reg clk = 1'b0;
    reg rst_n;
    reg en;
    reg [15:0] start_index;
    wire [15:0] point;
    wire [15:0] counter;
    reg [1-1:0] f_rst_n;
    reg [1-1:0] f_en;
    reg [16-1:0] f_start_index;

    sc_sobol #(.DIM(DIM)) dut (.clk(clk), .rst_n(rst_n), .en(en), .start_index(start_index), .point(point), .counter(counter));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_sobol: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_sobol: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h\n", f_rst_n, f_en, f_start_index);
        while (n == 3) begin
            rst_n = f_rst_n[0];
            en = f_en;
            start_index = f_start_index;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h %h", counter, point);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h %h\n", f_rst_n, f_en, f_start_index);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
