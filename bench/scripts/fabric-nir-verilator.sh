#!/usr/bin/env bash
# scfabric against Verilator on the general fabric's RTL: a random NIR network of about N neurons (32 input
# channels -> a recurrent LIF layer of N - 10 -> 10 LIF outputs; written here with h5py, seed fixed) on K
# cores, Poisson input, T steps. Runs scfabric's fast engine (`scfabric fabric --network`, which also writes
# the top and memory images with --rtl and its events with --events) and the Verilog
# (rtl/fabric/sc_mapped_fabric.v + the generated top) compiled by `verilator --binary`; checks that both
# give the same step starts, spikes and output events on the same edges; prints cycles per second of each.
#
# Usage: bench/scripts/fabric-nir-verilator.sh [N=128] [K=2] [STEPS=10000] [POISSON_HZ=400]
# Needs: Java 17 + Maven, verilator (Debian package verilator), /usr/bin/python3 with h5py and numpy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-128}"; K="${2:-2}"; T="${3:-10000}"; HZ="${4:-400}"
command -v verilator >/dev/null || { echo "fabric-nir-verilator: verilator is not installed (apt-get install verilator)" >&2; exit 2; }
[ "$N" -ge 12 ] || { echo "fabric-nir-verilator: N must be >= 12" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

# the same random network the area calibration uses, 32 input channels, seed 13
/usr/bin/python3 "$root/bench/scripts/random_lif_nir.py" "$work/net.nir" "$N" 32 13

echo "# general fabric vs Verilator: random LIF network, N $N, K $K, $T steps, Poisson $HZ Hz ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
"$root/scfabric" fabric --network "$work/net.nir" --poisson "$HZ" --steps "$T" --cores "$K" --rtl "$work/rtl" \
  --events "$work/fast.txt" --json "$work/fast.json" --no-check >/dev/null 2>"$work/fast.err" \
  || { cat "$work/fast.err" >&2; exit 1; }

read -r idb w < <(python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); nw=d['network']
s=nw['neurons']+nw['input_channels']-1; b=1
while s>>b: b+=1
print(b, 16 if nw['format']=='q8.8' else 32)" "$work/fast.json")
t0=$(now)
verilator --binary -j 2 -O3 --x-assign fast --x-initial fast -CFLAGS -O2 -Wno-fatal -Wno-lint -Wno-style \
  --top-module tb_sc_mapped_fabric -GK="$K" -GIDB="$idb" -GW="$w" \
  "$root/rtl/fabric/tb_sc_mapped_fabric.v" "$root/rtl/fabric/sc_mapped_fabric.v" "$work/rtl/sc_mapped_cfg.v" \
  -Mdir "$work/obj" >"$work/verilator-build.log" 2>&1 || { tail -30 "$work/verilator-build.log" >&2; exit 1; }
t1=$(now)
"$work/obj/Vtb_sc_mapped_fabric" +out="$work/verilator.raw" +maxcycles=2000000000 >/dev/null
t2=$(now)
# sort like scfabric: edge, then T < S < O < F, then neuron
awk '{r = ($1=="T") ? 0 : ($1=="S") ? 1 : ($1=="O") ? 2 : 3; print $2, r, ($3=="" ? 0 : $3), $0}' "$work/verilator.raw" \
  | sort -n -k1,1 -k2,2 -k3,3 | cut -d' ' -f4- > "$work/verilator.txt"

same=yes
cmp -s "$work/verilator.txt" "$work/fast.txt" || same=no
[ "$(grep -c '^S' "$work/fast.txt" || true)" -gt 0 ] || { echo "fabric-nir-verilator: the network did not spike; nothing compared" >&2; exit 1; }
cycles=$(awk '$1=="F" {print $2}' "$work/verilator.txt")
spikes=$(grep -c '^S' "$work/verilator.txt" || true)
outs=$(grep -c '^O' "$work/verilator.txt" || true)
fast_wall=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['wall_s'])" "$work/fast.json")
neurons=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['network']; print(d['neurons'], 'neurons,', d['synapses'], 'synapses')" "$work/fast.json")
python3 - "$cycles" "$spikes" "$outs" "$fast_wall" "$(python3 -c "print($t2 - $t1)")" "$(python3 -c "print($t1 - $t0)")" "$same" "$neurons" "$(verilator --version | cut -d' ' -f1-2)" <<'PY'
import sys
cycles, spikes, outs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
fast, vl, build, same, net, ver = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7], sys.argv[8], sys.argv[9]
print(f"{net}; cycles {cycles}, spikes {spikes}, output events {outs}; identical step starts, spikes and output events: {same}")
print("| simulator | wall (s) | M cycles/s | vs Verilator |")
print("|---|---|---|---|")
for name, w in ((f"{ver} (--binary, -O3, run only)", vl), ("scfabric fast engine (run phase)", fast)):
    print(f"| {name} | {w:.3f} | {cycles / w / 1e6:.2f} | {vl / w:.2f}x |")
print(f"(Verilator build: {build:.1f} s, not counted)")
PY
[ "$same" = yes ] || { echo "fabric-nir-verilator: the simulators DISAGREE (traces kept in $work)" >&2; trap - EXIT; exit 1; }
