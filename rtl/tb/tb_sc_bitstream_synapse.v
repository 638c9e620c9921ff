// Co-simulation bench for sc_bitstream_synapse: see rtl/tb/README.md for the file formats.
`timescale 1ns/1ps
module tb_sc_bitstream_synapse;
    parameter N = 32;

    reg [N-1:0] pre;
    reg [N-1:0] w;
    wire [N-1:0] post;
    reg [N-1:0] f_pre;
    reg [N-1:0] f_w;

    sc_bitstream_synapse #(.N(N)) dut (.pre(pre), .w(w), .post(post));

    reg [8*1024-1:0] stim_path;
    reg [8*1024-1:0] out_path;
    integer fi, fo, n;

    initial begin
        if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("out=%s", out_path)) begin
            $display("tb_sc_bitstream_synapse: usage +stim=FILE +out=FILE");
            $finish;
        end
        fi = $fopen(stim_path, "r");
        fo = $fopen(out_path, "w");
        if (fi == 0 || fo == 0) begin
            $display("tb_sc_bitstream_synapse: cannot open stimulus or output file");
            $finish;
        end
        #1;  // let every always block reach its event control before the first reset edge
        n = $fscanf(fi, "%h %h\n", f_pre, f_w);
        while (n == 2) begin
            pre = f_pre;
            w = f_w;
            #1 $fdisplay(fo, "%h", post);
            #9;
            n = $fscanf(fi, "%h %h\n", f_pre, f_w);
        end
        $fclose(fo);
        $fclose(fi);
        $finish;
    end
endmodule
