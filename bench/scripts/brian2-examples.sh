#!/usr/bin/env bash
# docs/brian2.md's figures and tables: Brian2's own examples translated by `scfabric brian2` and compared with
# Brian2 (runtime mode) on the same instance. Needs python3-brian and python-brian-doc for /usr/bin/python3.
# Long: CUBA four times (~1 min each), Brunel_2000 panel C (~10 s to translate, a 64 MB NIR file; its run in
# every arithmetic a few minutes). Panels A-D against Brian2: bench/scripts/brian2-brunel-panels.sh.
# Usage: bench/scripts/brian2-examples.sh [OUTDIR]   (default out/brian2)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-out/brian2}
ex=/usr/share/doc/python-brian-doc/examples
mkdir -p "$out"
uptime
./scfabric brian2 "$ex/IF_curve_LIF.py" --out "$out/IF_curve_LIF.nir" --compare
/usr/bin/python3 bench/scripts/brian2_plots.py fi "$out/IF_curve_LIF-compare.json" "$out/if-curve.png"
for k in 1 2 3 4; do
  ./scfabric brian2 "$ex/CUBA.py" --out "$out/CUBA-$k.nir" --compare
done
/usr/bin/python3 bench/scripts/brian2_plots.py raster "$out/CUBA-1-compare.json" "$out/cuba-raster.png"
for s in frompapers/Diesmann_et_al_1999.py COBAHH.py; do
  ./scfabric brian2 "$ex/$s" --out "$out/refused.nir" || echo "(exit $?: refused as expected)"
done
# Brunel (2000) Fig. 8 panel C: translation time and the float64 run of the NIR file
time ./scfabric brian2 "$ex/frompapers/Brunel_2000.py" --capture 3 --out "$out/Brunel_2000-C.nir"
time ./scfabric nir "$out/Brunel_2000-C.nir" --arith float64,q8.8,q16.12,sc --steps 12000 --out "$out/Brunel_2000-C"
./scfabric brian2 "$ex/CUBA.py" --out "$out/CUBA-hw.nir" --compare --hardware q8.8,q16.12,sc
