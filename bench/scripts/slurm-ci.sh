#!/usr/bin/env bash
# CI: fault campaigns on a real Slurm (start one with bench/scripts/slurm-up.sh; SLURM_CONF points at it).
#  1. a 4-shard campaign with --slurm --wait equals the local run byte for byte;
#  2. one shard task scancel'ed mid-run, then --slurm --resume --wait submits only that shard, which continues
#     from its journal, and the report is still byte-identical;
#  3. faults status counts the shards; no sbatch on PATH is one line on stderr and exit 2.
# Usage: bench/scripts/slurm-ci.sh [OUT_DIR]   (default target/ci-slurm)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/ci-slurm}"
rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
fail() { echo "slurm-ci: $*" >&2; exit 1; }
command -v sbatch >/dev/null || fail "no sbatch on PATH (start a Slurm first: eval \"\$(bench/scripts/slurm-up.sh)\")"
sinfo -h -o %t >/dev/null || fail "Slurm does not answer (SLURM_CONF=${SLURM_CONF:-unset})"

# the registers of ten LIF cores of a 200-neuron V3 network: 1 470 items, a few seconds per shard
args=(faults --variant V3 --neurons 200 --duration-ms 50 --sites 'core0.lif[1?].*' --kinds sa0,sa1,flip --seed 1)
./scfabric "${args[@]}" --threads 2 --json "$out/local.json" >/dev/null 2>&1

# 1. the whole campaign as a job array, waiting for the merge; in a folder whose name sbatch's #SBATCH lines would
#    split at the space, stop at the quote and end at the # unless quoted
sp="$out/a user's #1 folder"
mkdir -p "$sp"
./scfabric "${args[@]}" --slurm --shards 4 --json "$sp/slurm.json" --wait >"$out/submit.out" 2>"$out/submit.err" \
  || fail "--slurm --wait failed: $(tail -n 3 "$out/submit.err")"
cmp "$out/local.json" "$sp/slurm.json" || fail "the 4-shard Slurm campaign differs from the local run"
./scfabric faults status "$sp/slurm.slurm" >"$out/status.out"
grep -q '4 shards: 4 done, 0 running, 0 pending, 0 failed' "$out/status.out" || fail "status: $(cat "$out/status.out")"
echo "slurm-ci: 4 shards on Slurm in a folder named with a space, a quote and a #, merged: byte-identical to the local run"

# 2. cancel one task once its journal holds results, then resume
./scfabric "${args[@]}" --slurm --shards 4 --json "$out/resumed.json" >"$out/submit2.out"
job="$(sed -n 's/.* as job \([0-9]*\) (array.*/\1/p' "$out/submit2.out")"
[ -n "$job" ] || fail "no job id in: $(cat "$out/submit2.out")"
journal="$out/resumed.slurm/shard-3.json.partial"
for _ in $(seq 600); do
  [ -f "$journal" ] && [ "$(wc -l <"$journal")" -gt 20 ] && break
  [ -f "$out/resumed.slurm/shard-3.json" ] && fail "shard 3 finished before it could be cancelled"
  sleep 0.1
done
[ -f "$journal" ] || fail "shard 3 never started (squeue: $(squeue -h -r -j "$job" 2>&1))"
scancel "${job}_3"
# the other tasks finish; the merge then waits for a dependency that can never be met
for _ in $(seq 600); do
  [ -z "$(squeue -h -r -j "$job" -t PD,R,CG,CF -o %i 2>/dev/null)" ] && break
  sleep 0.2
done
# slurmctld marks the merge's dependency as never satisfied on a later scheduling pass, not at once: wait for it
# (resume refuses a campaign whose merge still waits on a live dependency, as a user would be told to wait)
merge="$(sed -n 's/.*submitted the merge as job \([0-9]*\).*/\1/p' "$out/submit2.out")"
[ -n "$merge" ] || fail "no merge job id in: $(cat "$out/submit2.out")"
for _ in $(seq 600); do
  reason="$(squeue -h -j "$merge" -o %r 2>/dev/null)"
  [ -z "$reason" ] || [[ "$reason" == DependencyNeverSatisfied* ]] && break
  sleep 0.2
done
./scfabric faults status "$out/resumed.slurm" >"$out/status2.out"
grep -q '4 shards: 3 done, 0 running, 0 pending, 1 failed' "$out/status2.out" || fail "status after scancel: $(cat "$out/status2.out")"
grep -q "shard 3/4 failed: task ${job}_3" "$out/status2.out" || fail "status does not name the cancelled task: $(cat "$out/status2.out")"
[ ! -e "$out/resumed.json" ] || fail "a report appeared although a shard was cancelled"
items_before="$(($(wc -l <"$journal") - 1))"
./scfabric "${args[@]}" --slurm --shards 4 --json "$out/resumed.json" --resume --wait >"$out/submit3.out" 2>"$out/submit3.err" \
  || fail "--slurm --resume --wait failed: $(tail -n 3 "$out/submit3.err")"
grep -q 'submitted 1 shard task of 4 as job [0-9]* (array 3)' "$out/submit3.out" || fail "resume did not submit shard 3 alone: $(cat "$out/submit3.out")"
grep -q "resuming: [0-9]* items done before" "$out/resumed.slurm/logs/shard-3.out" || fail "shard 3 did not continue its journal ($items_before items)"
cmp "$out/local.json" "$out/resumed.json" || fail "the resumed Slurm campaign differs from the local run"
echo "slurm-ci: task ${job}_3 cancelled after $items_before items, resumed alone from its journal: byte-identical"

# 3. no sbatch on PATH: exit 2, one line, nothing submitted or written
java="$(readlink -f "$(command -v java)")"
set +e
env PATH=/nonexistent "$java" -jar bench/target/scfabric.jar "${args[@]}" --slurm --json "$out/none.json" 2>"$out/none.err"
code=$?
set -e
[ "$code" -eq 2 ] && [ "$(wc -l <"$out/none.err")" -eq 1 ] && grep -q "no 'sbatch' on PATH" "$out/none.err" \
  && [ ! -e "$out/none.slurm" ] || fail "without sbatch: exit $code, $(cat "$out/none.err")"
echo "slurm-ci: no sbatch on PATH: exit 2, one line: ok ($out)"
