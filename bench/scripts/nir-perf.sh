#!/usr/bin/env bash
# The general path's speed (issue 12, "Performance"): Brunel N = 10 000, 1 s, seed 42 through
# `scfabric nir` against the hand-built variants' run phases (q8.8 vs V3, float64 vs V18: target within
# 1.5x), reading the 10 000-neuron Brunel NIR (10^7 synapses, target < 2 s: read_s of the runs, and the
# whole `nir --info` command with the JVM's start), and cnn_sinabs.nir, 300 steps of 2x34x34 Poisson input (200 Hz), in steps/s
# per arithmetic (target >= 2000), cold (--warm-up 0: the JVM compiles while it runs) and warm
# (--warm-up 2000). Each figure is the median of REPEATS runs (default 3), the Brunel pairs run one after the
# other in each repeat. Not part of the test suite: it takes a few minutes.
#
#   bench/scripts/nir-perf.sh
#   REPEATS=5 bench/scripts/nir-perf.sh
#
# Exit status 1 when a spike count differs from the reference (355 566 for V3 / q8.8, 404 731 for V18 /
# float64), 2 on a usage or tool problem.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repeats="${REPEATS:-3}"
command -v python3 >/dev/null || { echo "nir-perf: python3 is needed to read the JSON reports" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
sc="$root/scfabric"
cnn="$root/network/src/test/resources/nir/cnn_sinabs.nir"

echo "nir-perf: $repeats repeats; load: $(uptime | sed 's/.*load average/load average/')" >&2
for v in V3 V18; do
  "$sc" brunel --variants "$v" --neurons 10000 --seed 42 --export-nir "$out/$v.nir" --out "$out/warm-$v" \
    --no-plots --raster none >/dev/null
done
for r in $(seq "$repeats"); do
  echo "nir-perf: repeat $r/$repeats" >&2
  "$sc" brunel --variants V3 --neurons 10000 --seed 42 --out "$out/b3-$r" --no-plots --raster none >/dev/null
  "$sc" nir "$out/V3.nir" --arith q8.8 --steps 10000 --out "$out/n3-$r" >/dev/null
  "$sc" brunel --variants V18 --neurons 10000 --seed 42 --out "$out/b18-$r" --no-plots --raster none >/dev/null
  "$sc" nir "$out/V18.nir" --arith float64 --steps 10000 --out "$out/n18-$r" >/dev/null
  s=$(date +%s.%N); "$sc" nir --info "$out/V3.nir" >/dev/null; e=$(date +%s.%N)
  echo "$s $e" > "$out/read-$r"
  for w in 0 2000; do
    "$sc" nir "$cnn" --poisson 200 --steps 300 --seed 42 --warm-up "$w" --out "$out/cnn-$w-$r" >/dev/null
  done
done

python3 - "$out" "$repeats" "$(ls -l "$out/V3.nir" | awk '{print $5}')" <<'PY'
import json, statistics, sys
out, repeats, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
med = statistics.median
bad = 0
def runs(path):
    return json.load(open(path))["runs"]
def arith(path, a):
    return next(r for r in runs(path) if r["arith"] == a)
rows = []
for variant, arithname, want, b, n in (("V3", "q8.8", 355566, "b3", "n3"), ("V18", "float64", 404731, "b18", "n18")):
    vs, ns = [], []
    for r in range(1, repeats + 1):
        v = runs("%s/%s-%d/results.json" % (out, b, r))[0]
        a = arith("%s/%s-%d/results.json" % (out, n, r), arithname)
        for name, got in ((variant, v["spikes"]), ("nir " + arithname, a["total_spikes"])):
            if got != want:
                print("%s: %d spikes, the reference is %d" % (name, got, want))
                bad += 1
        vs.append(v["wall_s"])
        ns.append(a["wall_s"])
    ratio = med([n / v for n, v in zip(ns, vs)])
    rows.append((variant, arithname, med(vs), med(ns), ratio))
print("Brunel N = 10 000, 1 s (10 000 steps), seed 42; run phases, median of %d:" % repeats)
print()
print("| variant | run s | nir --arith | run s | ratio (median of pairs) | target <= 1.5 |")
print("|---|---:|---|---:|---:|---|")
for v, a, tv, tn, ratio in rows:
    print("| %s | %.2f | %s | %.2f | %.2f | %s |" % (v, tv, a, tn, ratio, "met" if ratio <= 1.5 else "missed"))
reads = []
for r in range(1, repeats + 1):
    s, e = map(float, open("%s/read-%d" % (out, r)).read().split())
    reads.append(e - s)
inproc = med([json.load(open("%s/n3-%d/results.json" % (out, r)))["read_s"] for r in range(1, repeats + 1)])
print()
print("reading the N = 10 000 Brunel NIR (%.0f MB, 10^7 synapses): %.2f s (read_s of the nir runs, median; "
      "target < 2 s: %s); the whole `nir --info` command, JVM start included, %.2f s" % (size / 1e6, inproc,
      "met" if inproc < 2 else "missed", med(reads)))
print()
print("cnn_sinabs.nir, 300 steps of 2x34x34 Poisson input (200 Hz), steps/s (median of %d; target >= 2000):" % repeats)
print()
print("| arith | cold (--warm-up 0) | warm (--warm-up 2000) |")
print("|---|---:|---:|")
for a in ("float64", "q8.8", "q16.12"):
    cold = med([300 / arith("%s/cnn-0-%d/results.json" % (out, r), a)["wall_s"] for r in range(1, repeats + 1)])
    warm = med([300 / arith("%s/cnn-2000-%d/results.json" % (out, r), a)["wall_s"] for r in range(1, repeats + 1)])
    print("| %s | %.0f | %.0f |" % (a, cold, warm))
sys.exit(1 if bad else 0)
PY
