// Co-simulation bench of sc_fabric (through the generated wrapper sc_fabric_cfg, which carries the
// parameters and memory files of one architecture and network: org.scfabric.hw.fabric.FabricRtl).
// Reset for two cycles, then edges are numbered from 0. Writes to +out=FILE, one line per event:
//   T e      a step started at edge e
//   S e id   neuron id spiked at edge e
//   F e      the last step ended at edge e
// Stops at F, or after +maxcycles=M edges (default 10 000 000) with a line "X e".
`timescale 1ns/1ps
module tb_sc_fabric;
    parameter K = 1;
    parameter IDB = 4;

    reg clk = 1'b0;
    reg rst_n = 1'b0;
    wire [K-1:0] spike_valid;
    wire [K*IDB-1:0] spike_id;
    wire step_start, finished;

    sc_fabric_cfg dut (.clk(clk), .rst_n(rst_n), .spike_valid(spike_valid), .spike_id(spike_id),
        .step_start(step_start), .finished(finished));

    always #5 clk = ~clk;

    integer f, cyc, c, maxc;
    reg [8*512-1:0] outfile;
    initial begin
        if (!$value$plusargs("out=%s", outfile)) begin
            $display("tb_sc_fabric: +out=FILE missing");
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
            // after edge cyc-1 (cyc edges since reset)
            if (cyc > 0) begin
                if (step_start) $fwrite(f, "T %0d\n", cyc - 1);
                for (c = 0; c < K; c = c + 1)
                    if (spike_valid[c]) $fwrite(f, "S %0d %0d\n", cyc - 1, spike_id[c*IDB +: IDB]);
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
