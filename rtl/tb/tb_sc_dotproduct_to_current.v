// Co-simulation bench for sc_dotproduct_to_current: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_dotproduct_to_current;
    parameter N_INPUTS = 3;

    reg [N_INPUTS-1:0] bits;
    reg [15:0] y_min;
    reg [15:0] y_max;
    wire [15:0] I_t;
    reg [N_INPUTS-1:0] f_bits;
    reg [16-1:0] f_y_min;
    reg [16-1:0] f_y_max;

    sc_dotproduct_to_current #(.N_INPUTS(N_INPUTS)) dut (.bits(bits), .y_min(y_min), .y_max(y_max), .I_t(I_t));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_dotproduct_to_current: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_dotproduct_to_current: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h %h\n", f_bits, f_y_min, f_y_max);
        while (n == 3) begin
            bits = f_bits;
            y_min = f_y_min;
            y_max = f_y_max;
            #1 $fdisplay(fo, "%h", I_t);
            #9;
            n = $fscanf(fi, "%h %h %h\n", f_bits, f_y_min, f_y_max);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
