#!/usr/bin/env bash
# Brunel (2000) Fig. 8, panels A-D of Brian2's frompapers/Brunel_2000.py, compared with Brian2 on several
# instances: for each panel and each k = 1..INSTANCES, `scfabric brian2 ... --capture N --compare --seed k`
# builds a new random instance in Brian2 (connectivity), simulates it in Brian2 (runtime mode, its own Poisson
# draws) and on scfabric's float64 reference (binomial draws seeded by k). The spread of each engine's rates over
# instances shows whether a difference between them is the draws or the semantics. Long (panel C: ~1 min per
# instance on an idle machine); not part of the test suite.
#
#   bench/scripts/brian2-brunel-panels.sh [OUTDIR] [INSTANCES] [PANELS]    (default out/brian2/panels 3 "A B C D")
#
# Then bench/scripts/brian2_plots.py panels OUTDIR docs/brian2 writes the table, spectra and rasters.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=${1:-out/brian2/panels}
instances=${2:-3}
panels=${3:-A B C D}
ex=/usr/share/doc/python-brian-doc/examples/frompapers/Brunel_2000.py
[ -f "$ex" ] || { echo "brian2-brunel-panels: $ex is missing (apt-get install python-brian-doc)" >&2; exit 2; }
mkdir -p "$out"
echo "brian2-brunel-panels: load $(uptime | sed 's/.*load average/load average/')" >&2
for p in $panels; do
  case $p in A) n=1 ;; B) n=2 ;; C) n=3 ;; D) n=4 ;; *) echo "panel $p: A, B, C or D" >&2; exit 2 ;; esac
  for k in $(seq "$instances"); do
    echo "brian2-brunel-panels: panel $p instance $k" >&2
    "$root/scfabric" brian2 "$ex" --capture "$n" --compare --seed "$k" --out "$out/$p-$k.nir" > "$out/$p-$k.txt"
    rm -f "$out/$p-$k.nir"
  done
done
echo "brian2-brunel-panels: load $(uptime | sed 's/.*load average/load average/')" >&2
