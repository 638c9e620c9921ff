// Co-simulation bench of the general fabric (through the generated top sc_mapped_cfg, which carries
// the parameters and memory images of one architecture, network and input: org.scfabric.hw.fabric.MappedRtl).
// Reset for two cycles, then edges are numbered from 0. Writes to +out=FILE, one line per event:
//   T e          a step started at edge e
//   S e id       neuron id spiked at edge e
//   O e id val   neuron id gave an output event (value val, signed) at edge e
//   F e          the last step ended at edge e
// Stops at F, or after +maxcycles=M edges (default 10 000 000) with a line "X e".
`timescale 1ns/1ps
module tb_sc_mapped_fabric;
    parameter K = 1;
    parameter IDB = 4;
    parameter W = 16;

    reg clk = 1'b0;
    reg rst_n = 1'b0;
    wire [K-1:0] spike_valid, out_valid;
    wire [K*IDB-1:0] spike_id;
    wire [K*W-1:0] out_value;
    wire step_start, finished;

    sc_mapped_cfg dut (.clk(clk), .rst_n(rst_n), .spike_valid(spike_valid), .spike_id(spike_id),
        .out_valid(out_valid), .out_value(out_value), .step_start(step_start), .finished(finished));

    always #5 clk = ~clk;

    integer f, cyc, c, maxc;
    reg [8*512-1:0] outfile;
    reg signed [W-1:0] val;
    initial begin
        if (!$value$plusargs("out=%s", outfile)) begin
            $display("tb_sc_mapped_fabric: +out=FILE missing");
            $finish;
        end
        if (!$value$plusargs("maxcycles=%d", maxc)) maxc = 10000000;
        f = $fopen(outfile, "w");
        cyc = 0;
        @(posedge clk); @(posedge clk);
        @(negedge clk) rst_n = 1'b1;
    end

    always @(negedge clk) begin
        if (rst_n) begin
            if (cyc > 0) begin
                if (step_start) $fwrite(f, "T %0d\n", cyc - 1);
                for (c = 0; c < K; c = c + 1) begin
                    if (spike_valid[c]) $fwrite(f, "S %0d %0d\n", cyc - 1, spike_id[c*IDB +: IDB]);
                    if (out_valid[c]) begin
                        val = out_value[c*W +: W];
                        $fwrite(f, "O %0d %0d %0d\n", cyc - 1, spike_id[c*IDB +: IDB], val);
                    end
                end
                if (finished) begin
                    $fwrite(f, "F %0d\n", cyc - 1);
                    $fclose(f);
                    $finish;
                end
                if (cyc >= maxc) begin
                    $fwrite(f, "X %0d\n", cyc - 1);
                    $fclose(f);
                    $finish;
                end
            end
        end
    end

    always @(posedge clk) if (rst_n) cyc <= cyc + 1;
endmodule
