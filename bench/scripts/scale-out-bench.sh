#!/usr/bin/env bash
# What an exhaustive V3 campaign costs at scale, from measured per-fault cost (docs/scale-out.md):
#  1. local: uniform samples of 9 604 faults (±1 %) over every site of V3, N = 1000, 100 ms, one thread,
#     one campaign per seed: CPU seconds per fault, faults/s, report bytes per fault;
#  2. with Slurm (SLURM_CONF set, or sbatch on PATH): the seed-1 sample as a --slurm campaign of SHARDS
#     tasks with one CPU each: per-task start-up (JVM, design, golden run) and faults/s from the task logs
#     and squeue's start/end times, and that the merged report equals the local one byte for byte;
#  3. the merge's heap: the smallest -Xmx (of 32, 48, 64, 96, 128, 192, 256 MB) with which it succeeds.
# Then the exhaustive campaign (every bit, sa0/sa1/flip = 3 339 144 faults) on 1, 16, 256 nodes of
# CORES cores. Usage: bench/scripts/scale-out-bench.sh [OUT_DIR] [SEEDS] [SHARDS] [CORES]
#   (defaults target/scale-out, "1 2 3", 4, 32)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/scale-out}"; seeds="${2:-1 2 3}"; shards="${3:-4}"; cores="${4:-32}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
args=(faults --variant V3 --neurons 1000 --duration-ms 100 --sample 9604 --threads 1)
./scfabric --version >/dev/null   # builds the jar if needed, outside the timings
echo "# load before: $(uptime)"
echo "| seed | wall s | CPU s (user+sys) | faults/s (fault phase) | CPU ms per fault | report bytes per fault |"
echo "|---|---|---|---|---|---|"
for s in $seeds; do
  /usr/bin/time -f "%e %U %S" -o "$out/time-$s" ./scfabric "${args[@]}" --seed "$s" --json "$out/seed-$s.json" \
    >"$out/seed-$s.out" 2>"$out/seed-$s.err"
  read -r wall user sys <"$out/time-$s"
  rate="$(sed -n 's/.*(\([0-9.]*\) items\/s.*/\1/p' "$out/seed-$s.out")"
  bytes="$(stat -c %s "$out/seed-$s.json")"
  awk -v s="$s" -v w="$wall" -v u="$user" -v y="$sys" -v r="$rate" -v b="$bytes" \
    'BEGIN { printf "| %s | %.1f | %.1f | %s | %.2f | %.0f |\n", s, w, u + y, r, (u + y) * 1000 / 9604, b / 9604 }'
done
echo "# load after: $(uptime)"

if command -v sbatch >/dev/null && sinfo -h >/dev/null 2>&1; then
  first="${seeds%% *}"
  rm -rf "$out/slurm.json" "$out/slurm.slurm"
  ./scfabric "${args[@]}" --seed "$first" --json "$out/slurm.json" --slurm --shards "$shards" --cpus-per-task 1 --wait \
    >"$out/slurm.out" 2>"$out/slurm.err"
  job="$(sed -n 's/.* as job \([0-9]*\) (array.*/\1/p' "$out/slurm.out")"
  cmp "$out/seed-$first.json" "$out/slurm.json" && echo "# Slurm, $shards shards: merged report byte-identical to the local seed-$first run"
  echo "| task | start-up s (task wall − fault phase) | fault phase s | faults/s |"
  echo "|---|---|---|---|"
  squeue -h -r -t all -j "$job" -o '%i %S %e' | sort -t_ -k2 -n | while read -r id start end; do
    i="${id#*_}"
    phase="$(sed -n 's/^faults: [0-9]* items in \([0-9.]*\) s.*/\1/p' "$out/slurm.slurm/logs/shard-$i.out")"
    rate="$(sed -n 's/.*(\([0-9.]*\) items\/s.*/\1/p' "$out/slurm.slurm/logs/shard-$i.out")"
    w=$(( $(date -d "$end" +%s) - $(date -d "$start" +%s) ))
    awk -v id="$id" -v w="$w" -v p="$phase" -v r="$rate" 'BEGIN { printf "| %s | %.0f | %.1f | %s |\n", id, w - p, p, r }'
  done
fi

# the merge's heap: shards of the seed-1 sample (from Slurm, or made here)
if [ ! -f "$out/slurm.slurm/shard-0.json" ]; then
  mkdir -p "$out/slurm.slurm"
  for ((i = 0; i < shards; i++)); do
    ./scfabric "${args[@]}" --seed "${seeds%% *}" --shard "$i/$shards" --json "$out/slurm.slurm/shard-$i.json" >/dev/null 2>&1
  done
fi
java="$(readlink -f "$(command -v java)")"
for mb in 32 48 64 96 128 192 256; do
  if "$java" -Xmx${mb}m --add-modules jdk.incubator.vector -jar bench/target/scfabric.jar faults merge \
      --json "$out/merge-heap.json" "$out"/slurm.slurm/shard-*.json >/dev/null 2>&1; then
    echo "# merge of 9 604 faults: succeeds with -Xmx${mb}m"
    break
  fi
done
