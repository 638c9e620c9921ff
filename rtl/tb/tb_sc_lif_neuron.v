// Co-simulation bench for sc_lif_neuron: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_lif_neuron;
    parameter DATA_WIDTH = 16;
    parameter FRACTION = 8;
    parameter signed [DATA_WIDTH-1:0] V_REST = 0;
    parameter signed [DATA_WIDTH-1:0] V_RESET = 0;
    parameter signed [DATA_WIDTH-1:0] V_THRESHOLD = 256;
    parameter [31:0] REFRACTORY_PERIOD = 0;

    reg clk = 1'b0;
    reg rst_n;
    reg [DATA_WIDTH-1:0] leak_k;
    reg [DATA_WIDTH-1:0] gain_k;
    reg [DATA_WIDTH-1:0] I_t;
    reg [DATA_WIDTH-1:0] noise_in;
    wire spike_out;
    wire [DATA_WIDTH-1:0] v_out;
    reg [1-1:0] f_rst_n;
    reg [DATA_WIDTH-1:0] f_leak_k;
    reg [DATA_WIDTH-1:0] f_gain_k;
    reg [DATA_WIDTH-1:0] f_I_t;
    reg [DATA_WIDTH-1:0] f_noise_in;

    sc_lif_neuron #(.DATA_WIDTH(DATA_WIDTH), .FRACTION(FRACTION), .V_REST(V_REST), .V_RESET(V_RESET),
        .V_THRESHOLD(V_THRESHOLD), .REFRACTORY_PERIOD(REFRACTORY_PERIOD)) dut (
        .clk(clk), .rst_n(rst_n), .leak_k(leak_k), .gain_k(gain_k), .I_t(I_t), .noise_in(noise_in),
        .spike_out(spike_out), .v_out(v_out));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_lif_neuron: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_lif_neuron: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h %h %h\n", f_rst_n, f_leak_k, f_gain_k, f_I_t, f_noise_in);
        while (n == 5) begin
            rst_n = f_rst_n[0];
            leak_k = f_leak_k;
            gain_k = f_gain_k;
            I_t = f_I_t;
            noise_in = f_noise_in;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h %h", spike_out, v_out);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h %h %h %h\n", f_rst_n, f_leak_k, f_gain_k, f_I_t, f_noise_in);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
