#!/usr/bin/env bash
# Issue 14's performance targets, on Brian2's own frompapers/Brunel_2000.py panel C (12 500 neurons, 1.6e7
# synapses, 1.2 s), measured side by side in each repeat:
#   * translation: `scfabric brian2 Brunel_2000.py --capture 3` (the script as shipped: Brian2 builds panels A-C,
#     simulates none), whole command with the JVM's start (target < 15 s);
#   * run phase: scfabric's float64 run of the NIR file (results.json wall_s) against Brian2 cpp_standalone's
#     (Network::_last_run_time, the generated binary's own timer) on the same one-panel script (target >= 5x):
#     one thread each (scfabric nir --threads 1, cpp_standalone as shipped), and every core each (scfabric's
#     default --threads, cpp_standalone with prefs.devices.cpp_standalone.openmp_threads = the cores);
#   * whole: `scfabric brian2 C.py && scfabric nir C.nir ...` against Brian2 cpp_standalone's whole process
#     (code generation, compilation, run) on C.py, a copy of Brunel_2000.py that simulates panel C only
#     (bench/scripts/brian2_panel.py; cpp_standalone runs one run() per process).
# Each figure is the median of REPEATS runs (default 3). Not part of the test suite: a few minutes.
#
#   bench/scripts/brian2-perf.sh
#   REPEATS=5 bench/scripts/brian2-perf.sh
#
# Needs python3-brian, python-brian-doc and g++ for /usr/bin/python3; exit 2 when they are missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repeats="${REPEATS:-3}"
py=/usr/bin/python3
ex=/usr/share/doc/python-brian-doc/examples/frompapers/Brunel_2000.py
[ -f "$ex" ] || { echo "brian2-perf: $ex is missing (apt-get install python-brian-doc)" >&2; exit 2; }
"$py" -c 'import brian2' 2>/dev/null || { echo "brian2-perf: $py cannot import brian2 (apt-get install python3-brian)" >&2; exit 2; }
command -v g++ >/dev/null || { echo "brian2-perf: g++ is needed by Brian2 cpp_standalone" >&2; exit 2; }
cores="$(nproc)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
sc="$root/scfabric"
now() { date +%s.%N; }

"$py" "$root/bench/scripts/brian2_panel.py" "$ex" C "$out/C.py"
echo "brian2-perf: $repeats repeats; load before: $(uptime | sed 's/.*load average/load average/')" >&2
"$sc" --version >/dev/null 2>&1 || true  # build the jar outside the timings
for r in $(seq "$repeats"); do
  echo "brian2-perf: repeat $r/$repeats" >&2
  s=$(now); "$sc" brian2 "$ex" --capture 3 --out "$out/full-$r.nir" >/dev/null; e=$(now)
  echo "$s $e" > "$out/translate-$r"
  s=$(now)
  "$sc" brian2 "$out/C.py" --out "$out/C-$r.nir" >/dev/null
  "$sc" nir "$out/C-$r.nir" --arith float64 --steps 12000 --out "$out/run-$r" >/dev/null
  e=$(now); echo "$s $e" > "$out/pipeline-$r"
  "$sc" nir "$out/C-$r.nir" --arith float64 --steps 12000 --threads 1 --no-plots --out "$out/run1-$r" >/dev/null
  s=$(now)
  (cd "$out" && "$py" "$root/bench/scripts/brian2_standalone.py" "$out/C.py" "$out/sa-$r.json" "$out/sa-build-$r" >/dev/null 2>&1)
  e=$(now); echo "$s $e" > "$out/standalone-$r"
  (cd "$out" && "$py" "$root/bench/scripts/brian2_standalone.py" "$out/C.py" "$out/sa$cores-$r.json" "$out/sa$cores-build-$r" \
    "$cores" >/dev/null 2>&1)
  rm -rf "$out/sa-build-$r" "$out/sa$cores-build-$r" "$out/full-$r.nir"
done
echo "brian2-perf: load after: $(uptime | sed 's/.*load average/load average/')" >&2
"$py" - "$out" "$repeats" "$cores" <<'PY'
import json, statistics, sys
out, n, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def wall(name, r):
    s, e = open(f'{out}/{name}-{r}').read().split()
    return float(e) - float(s)
rows = {k: [] for k in ('translate', 'f64', 'f64_1', 'b2run', 'b2run_mt', 'pipeline', 'standalone', 'spikes')}
for r in range(1, n + 1):
    rows['translate'].append(wall('translate', r))
    res = json.load(open(f'{out}/run-{r}/results.json'))['runs'][0]
    rows['f64'].append(res['wall_s'])
    rows['spikes'].append(res['total_spikes'])
    one = json.load(open(f'{out}/run1-{r}/results.json'))['runs'][0]
    rows['f64_1'].append(one['wall_s'])
    assert one['total_spikes'] == res['total_spikes'], 'one thread and several gave different spikes'
    rows['b2run_mt'].append(json.load(open(f'{out}/sa{cores}-{r}.json'))['run_s'])
    rows['b2run'].append(json.load(open(f'{out}/sa-{r}.json'))['run_s'])
    rows['pipeline'].append(wall('pipeline', r))
    rows['standalone'].append(wall('standalone', r))
m = {k: statistics.median(v) for k, v in rows.items()}
ratio_run1 = statistics.median(b / f for b, f in zip(rows['b2run'], rows['f64_1']))
ratio_run = statistics.median(b / f for b, f in zip(rows['b2run'], rows['f64']))
ratio_mt = statistics.median(b / f for b, f in zip(rows['b2run_mt'], rows['f64']))
ratio_all = statistics.median(b / f for b, f in zip(rows['standalone'], rows['pipeline']))
print(f'| figure (median of {n}) | scfabric | Brian2 cpp_standalone | Brian2 / scfabric (median of the per-repeat ratios) |')
print('|---|---:|---:|---:|')
print(f"| translation of Brunel_2000.py --capture 3 (s) | {m['translate']:.1f} | | |")
print(f"| run phase, panel C, 1.2 s, one thread each (s) | {m['f64_1']:.2f} | {m['b2run']:.2f} | {ratio_run1:.2f} |")
print(f"| run phase, scfabric on {cores} threads vs cpp_standalone as shipped (s) | {m['f64']:.2f} | {m['b2run']:.2f} | {ratio_run:.2f} |")
print(f"| run phase, {cores} threads each (cpp_standalone openmp_threads = {cores}) (s) | {m['f64']:.2f} | {m['b2run_mt']:.2f} | {ratio_mt:.2f} |")
print(f"| whole: brian2 && nir vs whole process (s) | {m['pipeline']:.1f} | {m['standalone']:.1f} | {ratio_all:.2f} |")
print(f"\nper repeat: " + json.dumps(rows))
PY
