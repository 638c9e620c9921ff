// Co-simulation bench for sc_cuba_lif_neuron: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_cuba_lif_neuron;
    parameter DATA_WIDTH = 16;
    parameter FRACTION = 8;
    parameter signed [DATA_WIDTH-1:0] V_LEAK = 0;
    parameter signed [DATA_WIDTH-1:0] V_RESET = 0;
    parameter signed [DATA_WIDTH-1:0] V_THRESHOLD = 256;

    reg clk = 1'b0;
    reg rst_n;
    reg [DATA_WIDTH-1:0] k_syn;
    reg [DATA_WIDTH-1:0] k_mem;
    reg [DATA_WIDTH-1:0] w_in;
    reg [DATA_WIDTH-1:0] r_k;
    reg [DATA_WIDTH-1:0] I_t;
    wire spike_out;
    wire [DATA_WIDTH-1:0] v_out;
    wire [DATA_WIDTH-1:0] i_out;
    reg [1-1:0] f_rst_n;
    reg [DATA_WIDTH-1:0] f_k_syn;
    reg [DATA_WIDTH-1:0] f_k_mem;
    reg [DATA_WIDTH-1:0] f_w_in;
    reg [DATA_WIDTH-1:0] f_r_k;
    reg [DATA_WIDTH-1:0] f_I_t;

    sc_cuba_lif_neuron #(.DATA_WIDTH(DATA_WIDTH), .FRACTION(FRACTION), .V_LEAK(V_LEAK), .V_RESET(V_RESET),
        .V_THRESHOLD(V_THRESHOLD)) dut (
        .clk(clk), .rst_n(rst_n), .k_syn(k_syn), .k_mem(k_mem), .w_in(w_in), .r_k(r_k), .I_t(I_t),
        .spike_out(spike_out), .v_out(v_out), .i_out(i_out));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_cuba_lif_neuron: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_cuba_lif_neuron: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h %h %h %h\n", f_rst_n, f_k_syn, f_k_mem, f_w_in, f_r_k, f_I_t);
        while (n == 6) begin
            rst_n = f_rst_n[0];
            k_syn = f_k_syn;
            k_mem = f_k_mem;
            w_in = f_w_in;
            r_k = f_r_k;
            I_t = f_I_t;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h %h %h", spike_out, v_out, i_out);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h %h %h %h %h\n", f_rst_n, f_k_syn, f_k_mem, f_w_in, f_r_k, f_I_t);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
