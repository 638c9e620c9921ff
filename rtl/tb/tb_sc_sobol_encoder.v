// Co-simulation bench for sc_sobol_encoder: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_sobol_encoder;
    parameter DIM = 1;

    reg clk = 1'b0;
    reg rst_n;
    reg [15:0] x_value;
    reg [31:0] t_index;
    wire bit_out;
    wire [15:0] sobol_point;
    wire [15:0] sobol_counter;
    reg [1-1:0] f_rst_n;
    reg [16-1:0] f_x_value;
    reg [32-1:0] f_t_index;

    sc_sobol_encoder #(.DIM(DIM)) dut (.clk(clk), .rst_n(rst_n), .x_value(x_value), .t_index(t_index),
        .bit_out(bit_out), .sobol_point(sobol_point), .sobol_counter(sobol_counter));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_sobol_encoder: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_sobol_encoder: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h\n", f_rst_n, f_x_value, f_t_index);
        while (n == 3) begin
            rst_n = f_rst_n[0];
            x_value = f_x_value;
            t_index = f_t_index;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h %h %h", bit_out, sobol_counter, sobol_point);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h %h\n", f_rst_n, f_x_value, f_t_index);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
