#!/usr/bin/env bash
# Synthesis of small Brunel fabrics: Yosys synth_ice40 + nextpnr-ice40 (UP5K: LUT, FF, block RAM,
# Fmax) and Yosys synth_xilinx (Artix-7 cells), beside the area estimate from the parts and its
# error. Prints a Markdown table (the one in docs/fabric.md).
#
# Usage: bench/scripts/fabric-synth.sh
# Needs: yosys, nextpnr-ice40 (Debian packages); without them the estimate alone is printed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for tool in yosys nextpnr-ice40; do
  command -v "$tool" >/dev/null || echo "fabric-synth: $tool is not installed (apt-get install $tool)" >&2
done
# N K D P LC R
configs=("16 1 4 1 2 1" "64 1 32 1 2 1" "64 2 8 1 2 1" "48 3 4 1 3 1" "64 4 8 1 2 1" "32 2 16 2 2 2" "40 2 16 1 4 2")
i=0
for target in ice40 xc7; do
  for c in "${configs[@]}"; do
    set -- $c
    i=$((i + 1))
    "$root/scfabric" fabric --neurons "$1" --cores "$2" --fifo-depth "$3" --ports "$4" --core-latency "$5" \
      --memory-latency "$6" --duration-ms 100 --engine fast --synth "$target" --synth-dir "$work/s$i" \
      --json "$work/r$i.json" --hgrm "$work/l.hgrm" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  done
done
python3 - "$work" <<'PY'
import json, sys, glob, os
rows = []
for p in sorted(glob.glob(os.path.join(sys.argv[1], "r*.json")), key=lambda p: int(os.path.basename(p)[1:-5])):
    d = json.load(open(p)); a = d["architecture"]; s = d["synthesis"]
    rows.append((a, d, s))
print("| target | N | K | D | P | LC | R | synapses | LUT | estimate | FF | estimate | block RAM | estimate | DSP | Fmax MHz | placed |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
def e(est, act):
    return f"{est} ({100 * (est - act) / act:+.1f} %)" if act else f"{est}"
for a, d, s in rows:
    if "lut" not in s:
        print(f"| {s['target']} | {a['neurons']} | ... | not synthesised: {'; '.join(s['notes'])} |"); continue
    syn = d["workload"].split(", ")[2].split()[0]
    est = s["estimate"]
    fmax = f"{s['fmax_mhz']:.2f}" if s.get("fmax_mhz") else ("—" if s["target"] == "ice40" else "")
    placed = s.get("placement") or ("; ".join(s["notes"])[:60] if s["notes"] else "")
    print(f"| {s['target']} | {a['neurons']} | {a['cores']} | {a['fifo_depth']} | {a['ports']} | {a['core_latency']} | "
          f"{a['memory_latency']} | {syn} | {s['lut']} | {e(est['lut'], s['lut'])} | {s['ff']} | {e(est['ff'], s['ff'])} | "
          f"{s['bram_blocks']} | {e(est['bram_blocks'], s['bram_blocks'])} | {s['dsp']} | {fmax} | {placed} |")
PY
