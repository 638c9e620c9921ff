#!/usr/bin/env bash
# The Brunel network at N = 10 000 neurons, 1 s, seed 42, on the scfabric kernel: checks the
# reference spike counts (V1 = V18 = V20 = 404 731, V3 = 355 566: the counts sc-neurocore's own benchmark
# produced, docs/spec/brunel.md §3) and prints the
# timings against the performance targets (V18 run phase <= 2 s, V3 within 2x of V18, Java heap
# <= 400 MB: the JVM runs with -Xmx400m). Not part of the test suite: it takes about a minute.
#
#   bench/scripts/brunel-10k.sh                 # V18, V3, V1, V20
#   VARIANTS=V18,V3 bench/scripts/brunel-10k.sh
#
# Exit status 1 when a spike count differs from the reference, 2 on a usage or tool problem.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
variants="${VARIANTS:-V18,V3,V1,V20}"
command -v python3 >/dev/null || { echo "brunel-10k: python3 is needed to read the JSON report" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "brunel-10k: N = 10000, 1000 ms, seed 42, variants $variants (heap limit 400 MB)" >&2
start=$(date +%s.%N)
SCFABRIC_JAVA_OPTS="${SCFABRIC_JAVA_OPTS:--Xmx400m}" "$root/scfabric" brunel --variants "$variants" \
  --neurons 10000 --duration-ms 1000 --seed 42 --out "$out/run" --no-plots --raster none >/dev/null
end=$(date +%s.%N)

python3 - "$out/run/results.json" "$start" "$end" <<'PY'
import json, sys
expected = {"V1": 404731, "V18": 404731, "V20": 404731, "V3": 355566}
runs = json.load(open(sys.argv[1]))["runs"]
bad = 0
print("| variant | spikes | reference | build s | run s | peak MB |")
print("|---|---:|---:|---:|---:|---:|")
by = {}
for r in runs:
    v = r["variant"]
    by[v] = r
    want = expected.get(v)
    mark = "" if want is None else (" ok" if r["spikes"] == want else " **DIFFERS**")
    bad += 0 if want is None or r["spikes"] == want else 1
    print("| %s | %d | %s%s | %.2f | %.2f | %.0f |" % (v, r["spikes"], "-" if want is None else want, mark,
                                                     r["build_s"], r["wall_s"], r["peak_mb"]))
print()
print("whole command: %.1f s" % (float(sys.argv[3]) - float(sys.argv[2])))
if "V18" in by:
    t18 = by["V18"]["wall_s"]
    print("V18 run phase %.2f s (target <= 2 s: %s)" % (t18, "met" if t18 <= 2 else "missed"))
    if "V3" in by:
        t3 = by["V3"]["wall_s"]
        print("V3 run phase %.2f s = %.2f x V18 (target <= 2x: %s)" % (t3, t3 / t18, "met" if t3 <= 2 * t18 else "missed"))
peak = max(r["peak_mb"] for r in runs)
print("peak Java heap %.0f MB (target <= 400 MB: %s)" % (peak, "met" if peak <= 400 else "missed"))
sys.exit(1 if bad else 0)
PY
