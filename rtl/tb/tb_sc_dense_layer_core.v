// Co-simulation bench for sc_dense_layer_core: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_dense_layer_core;
    parameter N_INPUTS = 3;
    parameter N_NEURONS = 2;
    parameter LEN_WIDTH = 16;
    parameter FRACTION = 8;
    parameter signed [15:0] V_REST = 0;
    parameter signed [15:0] V_RESET = 0;
    parameter signed [15:0] V_THRESHOLD = 256;
    parameter [31:0] REFRACTORY_PERIOD = 0;

    reg clk = 1'b0;
    reg rst_n;
    reg start_pulse;
    reg [LEN_WIDTH-1:0] stream_len;
    reg [16*N_INPUTS-1:0] x_flat;
    reg [16*N_INPUTS-1:0] w_flat;
    reg [15:0] y_min;
    reg [15:0] y_max;
    reg [15:0] leak_k;
    reg [15:0] gain_k;
    wire running;
    wire run_done;
    wire [N_INPUTS-1:0] x_bits;
    wire [N_INPUTS-1:0] w_bits;
    wire [15:0] I_t;
    wire [N_NEURONS-1:0] spikes;
    wire [16*N_NEURONS-1:0] v_flat;
    reg [1-1:0] f_rst_n;
    reg [1-1:0] f_start_pulse;
    reg [LEN_WIDTH-1:0] f_stream_len;
    reg [16*N_INPUTS-1:0] f_x_flat;
    reg [16*N_INPUTS-1:0] f_w_flat;
    reg [16-1:0] f_y_min;
    reg [16-1:0] f_y_max;
    reg [16-1:0] f_leak_k;
    reg [16-1:0] f_gain_k;

    sc_dense_layer_core #(.N_INPUTS(N_INPUTS), .N_NEURONS(N_NEURONS), .LEN_WIDTH(LEN_WIDTH), .FRACTION(FRACTION),
        .V_REST(V_REST), .V_RESET(V_RESET), .V_THRESHOLD(V_THRESHOLD), .REFRACTORY_PERIOD(REFRACTORY_PERIOD)) dut (
        .clk(clk), .rst_n(rst_n), .start_pulse(start_pulse), .stream_len(stream_len), .x_flat(x_flat), .w_flat(w_flat),
        .y_min(y_min), .y_max(y_max), .leak_k(leak_k), .gain_k(gain_k), .running(running), .run_done(run_done),
        .x_bits(x_bits), .w_bits(w_bits), .I_t(I_t), .spikes(spikes), .v_flat(v_flat));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_dense_layer_core: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_dense_layer_core: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h %h %h %h %h %h %h\n", f_rst_n, f_start_pulse, f_stream_len, f_x_flat, f_w_flat, f_y_min, f_y_max, f_leak_k, f_gain_k);
        while (n == 9) begin
            rst_n = f_rst_n[0];
            start_pulse = f_start_pulse;
            stream_len = f_stream_len;
            x_flat = f_x_flat;
            w_flat = f_w_flat;
            y_min = f_y_min;
            y_max = f_y_max;
            leak_k = f_leak_k;
            gain_k = f_gain_k;
            #5 clk = 1'b1;
            #1 $fdisplay(fo, "%h %h %h %h %h %h %h", running, run_done, x_bits, w_bits, I_t, spikes, v_flat);
            #4 clk = 1'b0;
            n = $fscanf(fi, "%h %h %h %h %h %h %h %h %h\n", f_rst_n, f_start_pulse, f_stream_len, f_x_flat, f_w_flat, f_y_min, f_y_max, f_leak_k, f_gain_k);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
