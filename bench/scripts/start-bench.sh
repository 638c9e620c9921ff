#!/usr/bin/env bash
# Whole-command start: `./scfabric brunel --variants V18 --neurons 1000 --no-plots` from the shell, with
# the launcher's class-data archive (AppCDS) and without it (SCFABRIC_CDS=0), runs alternated so both
# see the same load. Prints the median and range of wall and user CPU seconds of each, and the load.
# Usage: bench/scripts/start-bench.sh [REPEATS]      (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-7}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
./scfabric --version >/dev/null                       # builds the jar if needed
for _ in $(seq 1 300); do                             # and waits for its archive (made in the background)
  [ -f bench/target/scfabric.jsa.stamp ] && [ ! -d bench/target/scfabric.jsa.lock ] && break
  ./scfabric --version >/dev/null; sleep 0.2
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$n"); do
  for mode in cds plain; do
    cds=1; [ "$mode" = plain ] && cds=0
    SCFABRIC_CDS=$cds /usr/bin/time -f "%e %U" -a -o "$out/$mode" \
      ./scfabric brunel --variants V18 --neurons 1000 --no-plots --out "$out/brunel" >/dev/null 2>&1
  done
done
med() { sort -n | awk '{a[NR]=$1} END {printf "%.2f s (%.2f..%.2f)", a[int((NR+1)/2)], a[1], a[NR]}'; }
for mode in cds plain; do
  echo "$mode: wall median $(cut -d' ' -f1 "$out/$mode" | med), user CPU median $(cut -d' ' -f2 "$out/$mode" | med), $n runs"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
