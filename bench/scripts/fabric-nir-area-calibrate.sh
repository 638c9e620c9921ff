#!/usr/bin/env bash
# Yosys figures of the general fabric (rtl/fabric/sc_mapped_fabric.v + MappedRtl's top and images) for the
# graphs MappedAreaCalibrationTest holds MappedArea against: K 1 (rnd16-k2: 2), D 64, P 1 (rnd16-p2: 2), LC 2, LR 1, 100 steps of Poisson
# input at 400 Hz, synth_ice40 and synth_xilinx (flattened). Writes the random graphs (h5py, seeds fixed) and
# bench/src/test/resources/area/mapped-yosys.csv (graph,cores,ports,target,lut,ff,bram_blocks,dsp,input_events:
# the last is the stored stimulus the synthesised top carries).
#
# Usage: bench/scripts/fabric-nir-area-calibrate.sh [GRAPH...]   (default: every graph below; braille takes
#        several minutes per target on a loaded two-core machine)
# Needs: Java 17 + Maven, yosys, /usr/bin/python3 with h5py and numpy (nextpnr-ice40 optional: Fmax only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
res="$root/bench/src/test/resources/area"
nir="$root/network/src/test/resources/nir"
command -v yosys >/dev/null || { echo "fabric-nir-area-calibrate: yosys is not installed (apt-get install yosys)" >&2; exit 2; }
mkdir -p "$res"
work="${CALIBRATE_WORK:-$(mktemp -d)}"; [ -n "${CALIBRATE_WORK:-}" ] || trap 'rm -rf "$work"' EXIT; mkdir -p "$work"

# rndN: NIN input channels -> a recurrent LIF layer of N - 10 -> 10 LIF outputs (fabric-nir-verilator.sh's shape)
rnd() { # name n nin seed
  /usr/bin/python3 "$root/bench/scripts/random_lif_nir.py" "$res/$1.nir" "$2" "$3" "$4"
}

graphs=("$@")
[ ${#graphs[@]} -gt 0 ] || graphs=(lif_norse rnd12 rnd16 rnd16-k2 rnd16-p2 rnd24 braille)
for g in "${graphs[@]}"; do
  arith=""; k=1; p=1
  case "$g" in
    rnd16-k2) rnd rnd16 16 16 16; file="$res/rnd16.nir"; k=2 ;;
    rnd16-p2) rnd rnd16 16 16 16; file="$res/rnd16.nir"; p=2 ;;
    lif_norse) file="$nir/lif_norse.nir"; arith="--arith q16.12" ;;
    braille) file="$nir/braille_noDelay_bias_zero.nir" ;;
    rnd12) rnd rnd12 12 8 12; file="$res/rnd12.nir" ;;
    rnd16) rnd rnd16 16 16 16; file="$res/rnd16.nir" ;;
    rnd24) rnd rnd24 24 32 24; file="$res/rnd24.nir" ;;
    *) echo "fabric-nir-area-calibrate: unknown graph '$g' (accepted: lif_norse rnd12 rnd16 rnd16-k2 rnd16-p2 rnd24 braille)" >&2; exit 2 ;;
  esac
  for t in ice40 xc7; do
    # shellcheck disable=SC2086
    "$root/scfabric" fabric --network "$file" --poisson 400 --steps 100 $arith --cores "$k" --ports "$p" --synth "$t" \
      --synth-dir "$work/$g-$t" --json "$work/$g-$t.json" >"$work/$g-$t.out" 2>&1 \
      || { cat "$work/$g-$t.out" >&2; exit 1; }
    row=$(/usr/bin/python3 - "$work/$g-$t/$t/stat.txt" "$t" <<'PY'
import re, sys
cells = {}
for m in re.finditer(r"^\s+(\$?[A-Za-z_][A-Za-z0-9_$]*)\s+(\d+)\s*$", open(sys.argv[1]).read(), re.M):
    cells[m.group(1)] = cells.get(m.group(1), 0) + int(m.group(2))
s = lambda p: sum(v for k, v in cells.items() if k.startswith(p))
if sys.argv[2] == "ice40":
    print(s("SB_LUT4"), s("SB_DFF"), s("SB_RAM40_4K"), s("SB_MAC16"), sep=",")
else:
    lut = s("LUT") + 4 * s("RAM32M") + 4 * s("RAM64M") + 2 * s("RAM32X1D") + 2 * s("RAM64X1D") + s("RAM32X1S") \
        + s("RAM64X1S") + 2 * s("RAM128X1D") + s("SRL16E") + s("SRLC32E")
    print(lut, s("FD"), cells.get("RAMB18E1", 0) + 2 * cells.get("RAMB36E1", 0), s("DSP48E1"), sep=",")
PY
)
    ev=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['input']['events'])" "$work/$g-$t.json")
    echo "${g%%-*},$k,$p,$t,$row,$ev" | tee -a "$work/rows.csv"
  done
done
csv="$res/mapped-yosys.csv"
{ echo "graph,cores,ports,target,lut,ff,bram_blocks,dsp,input_events"
  { [ -f "$csv" ] && tail -n +2 "$csv" | grep -v -F -f <(cut -d, -f1-4 "$work/rows.csv" | sed 's/$/,/') || true; cat "$work/rows.csv"; } | sort -t, -k1,1 -k2,2n -k3,3n -k4,4
} > "$work/new.csv"
mv "$work/new.csv" "$csv"
echo "fabric-nir-area-calibrate: wrote $csv ($(yosys -V | cut -d' ' -f1-2))"
