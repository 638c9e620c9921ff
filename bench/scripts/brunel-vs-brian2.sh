#!/usr/bin/env bash
# Brunel network: scfabric's fast variants against Brian2 cpp_standalone, on this machine, in the same runs.
#
#   bench/scripts/brunel-vs-brian2.sh [REPEATS]        (default 5)
#
# For each repeat, one `scfabric brunel ... --brian2 --brian2-modes cpp_standalone` per size runs the
# variants and Brian2 on the same N, 1 s simulated and seed 42, so both see the same machine state:
#   N =  1 000: V18, V20
#   N = 10 000: V18, V3
# and reports the median (and min..max) of each run phase (wall_s: the simulation loop alone, network
# built before) and of scfabric's run phase divided by Brian2's. Then it times the whole default
# `./scfabric brunel` (every variant, N = 1000, JVM start included) REPEATS times; target < 60 s.
# Needs /usr/bin/python3 with Brian2 (apt-get install python3-brian). Prints Markdown on stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
repeats="${1:-5}"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./scfabric --version >/dev/null   # builds the jar if needed, outside the timings
cut -d' ' -f1-3 /proc/loadavg > "$work/load-start" 2>/dev/null || true

for r in $(seq 1 "$repeats"); do
  for spec in "1000:V18,V20" "10000:V18,V3"; do
    n="${spec%%:*}"; vs="${spec#*:}"
    echo "run $r/$repeats: N = $n, $vs + Brian2 cpp_standalone" >&2
    ./scfabric brunel --variants "$vs" --neurons "$n" --duration-ms 1000 --seed 42 --no-plots \
      --brian2 --brian2-modes cpp_standalone --python "$py" --out "$work/o" --json "$work/n$n-r$r.json" >/dev/null
  done
done

for r in $(seq 1 "$repeats"); do
  echo "run $r/$repeats: whole default ./scfabric brunel" >&2
  s=$(date +%s.%N)
  ./scfabric brunel --out "$work/default" >/dev/null
  e=$(date +%s.%N)
  echo "$s $e" >> "$work/default-times"
done

cut -d' ' -f1-3 /proc/loadavg > "$work/load-end" 2>/dev/null || true

"$py" - "$work" "$repeats" <<'PY'
import glob, json, os, platform, statistics as st, subprocess, sys
work, repeats = sys.argv[1], int(sys.argv[2])
def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()
def fmt(xs, d=3):
    return f"{st.median(xs):.{d}f} ({min(xs):.{d}f}..{max(xs):.{d}f})"
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
def load(name):
    try:
        return open(f"{work}/{name}").read().strip()
    except OSError:
        return "?"
print(f"Machine: {cpu()}, {os.cpu_count()} cores, {java}, Python {platform.python_version()}; "
      f"{repeats} repeats, median (min..max); load average (1, 5, 15 min) {load('load-start')} at the start, "
      f"{load('load-end')} at the end.\n")
print("| N | what | spikes | rate Hz | run phase s | ÷ Brian2 cpp_standalone run phase |")
print("|--:|:--|--:|--:|--:|--:|")
for n in (1000, 10000):
    files = sorted(glob.glob(f"{work}/n{n}-r*.json"))
    docs = [json.load(open(f)) for f in files]
    b2 = [d["brian2"][0] for d in docs]
    ok = [b for b in b2 if "error" not in b]
    variants = [r["variant"] for r in docs[0]["runs"]]
    for v in variants:
        rows = [next(r for r in d["runs"] if r["variant"] == v) for d in docs]
        walls = [r["wall_s"] for r in rows]
        ratios = [r["wall_vs_brian2"]["cpp_standalone"] for r in rows if "wall_vs_brian2" in r]
        print(f"| {n} | {v} {rows[0]['name']} | {rows[0]['spikes']} | {rows[0]['rate_hz']:.2f} | {fmt(walls)} | "
              f"{fmt(ratios, 2) + '×' if ratios else '–'} |")
    if ok:
        print(f"| {n} | Brian2 {ok[0].get('brian2_version','')} cpp_standalone | {ok[0]['spikes']} | "
              f"{ok[0]['rate_hz']:.2f} | {fmt([b['wall_s'] for b in ok])} | 1× |")
        print(f"| {n} | (Brian2 cpp_standalone build: code generation + compile) | | | "
              f"{fmt([b['build_s'] for b in ok], 1)} | |")
    else:
        print(f"| {n} | Brian2 cpp_standalone | – | – | did not run: {b2[0]['error']} | |")
times = [float(e) - float(s) for s, e in (l.split() for l in open(f"{work}/default-times"))]
d = json.load(open(f"{work}/default/results.json"))
ran = len(d["runs"]); skipped = [s["variant"] for s in d.get("skipped", [])]
print(f"\nWhole default `./scfabric brunel` ({ran} variants ran" + (f", {', '.join(skipped)} not in this build" if skipped else "")
      + f"; N = 1000, 1 s, plots; JVM start included): {fmt(times, 1)} s (target < 60 s).")
PY
