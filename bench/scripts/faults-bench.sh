#!/usr/bin/env bash
# Fault-campaign throughput, V3 (Q8.8 Brunel design on the kernel), N = 1000, 100 ms simulated
# (1000 steps, 2000 cycles) per faulty run, every core. Three campaigns of K faults each (sa0, sa1, flip):
#   v    — the membrane registers only (core0.lif[*].v[*]): every fault must be simulated, the worst case;
#   lif  — every LIF register (v, rc, spike): rc's high bits never leave 0, so some stuck-ats need no run;
#   all  — every fault site of the design, uniformly (the crossbar memory dominates).
# Prints the campaign's own figure (items/s over the fault phase, golden run excluded) and the CPU
# time the JVM used, so a figure from a busy machine can be read against the cores it really had.
# Usage: bench/scripts/faults-bench.sh [K] [OUT_DIR]      (default K = 1000, OUT_DIR = target/faults-bench)
#
# Side by side against another jar (e.g. main's, copied to /tmp first), the campaign of issue 15:
#   bench/scripts/faults-bench.sh compare OLD_JAR [RUNS] [VARIANTS] [K]   (defaults 3, "V3 V11", 3000)
# runs `faults --variant X --neurons 1000 --duration-ms 100 --sites '*' --kinds sa0,sa1,flip --sample K
# --seed 7` with the old jar and this tree's jar alternately, RUNS times each, checks that the reports
# are byte-identical (cmp), and prints per run and as medians: the fault phase's items/s (golden run
# excluded), its seconds, the whole command's wall seconds and the JVM's user CPU seconds. Set
# JAVA_OPTS=-Dscfabric.faultReplay=false to time this jar without the flat-model replay.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = compare ]; then
  old="${2:?usage: faults-bench.sh compare OLD_JAR [RUNS] [VARIANTS] [K]}"
  runs="${3:-3}"
  variants="${4:-V3 V11}"
  k="${5:-3000}"
  out="target/faults-bench/compare"
  mkdir -p "$out"
  ./scfabric --version >/dev/null   # builds this tree's jar if needed, outside the timing
  new="bench/target/scfabric.jar"
  rows="$out/rows.tsv"
  : >"$rows"
  for r in $(seq 1 "$runs"); do
    for v in $variants; do
      for which in old new; do
        jar="$old"; [ "$which" = new ] && jar="$new"
        log="$out/$v.$which.$r.log"
        load="$(cut -d' ' -f1 /proc/loadavg)"
        /usr/bin/time -f "%U %e" -o "$out/time" java --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -jar "$jar" \
          faults --variant "$v" --neurons 1000 --duration-ms 100 --sites '*' --kinds sa0,sa1,flip --sample "$k" \
          --seed 7 --json "$out/$v.$which.json" >"$log" 2>&1
        line="$(grep -E '^faults: [0-9]+ items in' "$log")"
        secs="$(sed -E 's/.* items in ([0-9.]+) s .*/\1/' <<<"$line")"
        rate="$(sed -E 's/.*\(([0-9.]+) items\/s.*/\1/' <<<"$line")"
        read -r user wall <"$out/time"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$which" "$r" "$rate" "$secs" "$wall" "$user" "$load" >>"$rows"
        printf '%s %s run %s: %s items/s (fault phase %s s), whole %s s, user CPU %s s, load before %s\n' \
          "$v" "$which" "$r" "$rate" "$secs" "$wall" "$user" "$load"
      done
      if cmp -s "$out/$v.old.json" "$out/$v.new.json"; then echo "$v run $r: reports byte-identical"; else
        echo "$v run $r: REPORTS DIFFER ($out/$v.old.json, $out/$v.new.json)"; exit 1; fi
    done
  done
  /usr/bin/python3 - "$rows" <<'PY'
import sys, statistics as st
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
for v in dict.fromkeys(r[0] for r in rows):
    med = {}
    for which in ('old', 'new'):
        rs = [r for r in rows if r[0] == v and r[1] == which]
        med[which] = [st.median(float(r[i]) for r in rs) for i in (3, 4, 5, 6)]
    o, n = med['old'], med['new']
    print(f"{v} medians: items/s {o[0]:.1f} -> {n[0]:.1f} ({n[0] / o[0]:.2f}x); fault phase s {o[1]:.2f} -> {n[1]:.2f}; "
          f"whole command s {o[2]:.2f} -> {n[2]:.2f}; user CPU s {o[3]:.2f} -> {n[3]:.2f} ({o[3] / n[3]:.2f}x)")
PY
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
k="${1:-1000}"
out="${2:-target/faults-bench}"
mkdir -p "$out"
./scfabric --version >/dev/null   # builds the jar if needed, outside the timing
for sites in v lif all; do
  case "$sites" in
    v) glob='core0.lif[*].v[*]' ;;
    lif) glob='core0.lif[*].*' ;;
    *) glob='*' ;;
  esac
  log="$out/$sites.log"
  /usr/bin/time -f "cpu %U user %S sys %e wall (s)" -o "$out/$sites.time" \
    ./scfabric faults --variant V3 --neurons 1000 --duration-ms 100 --sites "$glob" --kinds sa0,sa1,flip \
      --sample "$k" --seed 1 --json "$out/$sites.json" >"$log" 2>&1
  echo "== $sites ($glob), $k faults, load before: $(cut -d' ' -f1 /proc/loadavg)"
  grep -E '^faults: [0-9]+ items in' "$log"
  cat "$out/$sites.time"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
