// Co-simulation bench for sc_lfsr: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_lfsr;
    parameter WIDTH = 16;
    parameter [WIDTH-1:0] TAPS = 16'hB400;
    parameter [WIDTH-1:0] SEED = 16'hACE1;

    reg clk = 1'b0;
    reg rst_n;
    reg en;
    wire [WIDTH-1:0] state;
    reg [1-1:0] f_rst_n;
    reg [1-1:0] f_en;

    sc_lfsr #(.WIDTH(WIDTH), .TAPS(TAPS), .SEED(SEED)) dut (.clk(clk), .rst_n(rst_n), .en(en), .state(state));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_lfsr: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_lfsr: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h\n", f_rst_n, f_en);
        while (n == 2) begin
            rst_n = f_rst_n[0];
            en = f_en;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h", state);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h\n", f_rst_n, f_en);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
