#!/usr/bin/env bash
# scfabric against Verilator on the same fabric RTL: the Brunel network (V3) on the time-multiplexed
# fabric, N neurons on K cores, T ms simulated. Runs scfabric's two engines (kernel, fast) and the
# Verilog (rtl/fabric/sc_fabric.v with the generated wrapper) compiled by `verilator --binary`, checks
# that all three give identical spikes and step edges, and prints cycles per second of each.
#
# Usage: bench/scripts/fabric-verilator.sh [N=64] [K=2] [DURATION_MS=20000]
# Needs: Java 17 + Maven (the scfabric launcher builds the jar), verilator (Debian package verilator).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-64}"; K="${2:-2}"; T="${3:-20000}"
command -v verilator >/dev/null || { echo "fabric-verilator: verilator is not installed (apt-get install verilator)" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sf="$root/scfabric"
now() { date +%s.%N; }

echo "# fabric vs Verilator: Brunel V3, N $N, K $K, $T ms simulated ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
common=(fabric --neurons "$N" --cores "$K" --duration-ms "$T" --hgrm "$work/lat.hgrm")
"$sf" "${common[@]}" --engine fast --rtl "$work/rtl" --events "$work/fast.txt" --json "$work/fast.json" >/dev/null 2>"$work/fast.err" \
  || { cat "$work/fast.err" >&2; exit 1; }
"$sf" "${common[@]}" --engine kernel --events "$work/kernel.txt" --json "$work/kernel.json" >/dev/null 2>"$work/kernel.err" \
  || { cat "$work/kernel.err" >&2; exit 1; }

idb=1; while [ $(( (N - 1) >> idb )) -ne 0 ]; do idb=$((idb + 1)); done
t0=$(now)
verilator --binary -j 2 -O3 --x-assign fast --x-initial fast -CFLAGS -O2 -Wno-fatal -Wno-lint -Wno-style \
  --top-module tb_sc_fabric -GK="$K" -GIDB="$idb" \
  "$root/rtl/fabric/tb_sc_fabric.v" "$root/rtl/fabric/sc_fabric.v" "$work/rtl/sc_fabric_cfg.v" \
  -Mdir "$work/obj" >"$work/verilator-build.log" 2>&1 || { tail -30 "$work/verilator-build.log" >&2; exit 1; }
t1=$(now)
"$work/obj/Vtb_sc_fabric" +out="$work/verilator.raw" +maxcycles=2000000000 >/dev/null
t2=$(now)
# the bench prints events in edge order; sort like scfabric: edge, then T < S < F, spikes by neuron
awk '{r = ($1=="T") ? 0 : ($1=="S") ? 1 : 2; print $2, r, ($3=="" ? 0 : $3), $0}' "$work/verilator.raw" \
  | sort -n -k1,1 -k2,2 -k3,3 | cut -d' ' -f4- > "$work/verilator.txt"

same=yes
cmp -s "$work/verilator.txt" "$work/fast.txt" || same=no
cmp -s "$work/verilator.txt" "$work/kernel.txt" || same=no
cycles=$(awk '$1=="F" {print $2}' "$work/verilator.txt")
spikes=$(grep -c '^S' "$work/verilator.txt" || true)
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d$2)" "$1"; }
fast_wall=$(json "$work/fast.json" "['wall_s']"); kern_wall=$(json "$work/kernel.json" "['wall_s']")
vl_run=$(python3 -c "print($t2 - $t1)"); vl_build=$(python3 -c "print($t1 - $t0)")
python3 - "$cycles" "$spikes" "$fast_wall" "$kern_wall" "$vl_run" "$vl_build" "$same" <<'PY'
import sys
cycles, spikes = int(sys.argv[1]), int(sys.argv[2])
fast, kern, vl, build, same = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7]
print(f"cycles {cycles}, spikes {spikes}, identical spikes and step edges in all three: {same}")
print("| simulator | wall (s) | M cycles/s | vs Verilator |")
print("|---|---|---|---|")
for name, w in (("Verilator 5.006 (--binary, -O3, run only)", vl), ("scfabric fast engine (run phase)", fast),
                ("scfabric kernel engine (run phase)", kern)):
    print(f"| {name} | {w:.3f} | {cycles / w / 1e6:.2f} | {vl / w:.2f}x |")
print(f"(Verilator build: {build:.1f} s, not counted)")
PY
[ "$same" = yes ] || { echo "fabric-verilator: the simulators DISAGREE (traces kept in $work)" >&2; trap - EXIT; exit 1; }
