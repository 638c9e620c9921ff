#!/usr/bin/env bash
# CI: a parameter sweep on a real Slurm (start one with bench/scripts/slurm-up.sh; SLURM_CONF points at it):
# a 2x2 Brunel sweep submitted with --slurm (an array job of the points, then 'sweep collect' after them)
# gives the table of the same sweep run locally, every figure but the timings. Also: no sbatch on PATH is
# one line and exit 2.
# Usage: bench/scripts/slurm-sweep-ci.sh [OUT_DIR]   (default target/ci-slurm-sweep)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/ci-slurm-sweep}"
rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
fail() { echo "slurm-sweep-ci: $*" >&2; exit 1; }
command -v sbatch >/dev/null || fail "no sbatch on PATH (start a Slurm first: eval \"\$(bench/scripts/slurm-up.sh)\")"
sinfo -h -o %t >/dev/null || fail "Slurm does not answer (SLURM_CONF=${SLURM_CONF:-unset})"

sweep=(sweep brunel --param g=3,6 --param eta=1,2 --no-plots)
common=(-- --variants V1,V3 --neurons 200 --duration-ms 200 --no-plots)
./scfabric "${sweep[@]}" --threads 2 --out "$out/local" "${common[@]}" >/dev/null 2>"$out/local.err" \
  || fail "the local sweep failed: $(tail -n 2 "$out/local.err")"
./scfabric "${sweep[@]}" --slurm --out "$out/slurm" "${common[@]}" >"$out/submit.out" 2>"$out/submit.err" \
  || fail "--slurm failed: $(tail -n 2 "$out/submit.err")"
job="$(sed -n 's/.*submitted the table as job \([0-9]*\).*/\1/p' "$out/submit.out")"
[ -n "$job" ] || fail "no job id in: $(cat "$out/submit.out")"
for _ in $(seq 1500); do
  [ -z "$(squeue -h -j "$job" -o %i 2>/dev/null)" ] && break
  sleep 0.2
done
[ -f "$out/slurm/sweep.json" ] || fail "no table after job $job: $(tail -n 3 "$out"/slurm/slurm/logs/*.out 2>&1)"
# the tables without the timing columns (they measure the machine, not the network)
strip() {
  /usr/bin/python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
keep = [i for i, h in enumerate(rows[0]) if h not in ("build_s", "wall_s", "peak_mb")]
for r in rows:
    print(",".join(r[i] for i in keep))
PY
}
diff <(strip "$out/local/sweep.csv") <(strip "$out/slurm/sweep.csv") >"$out/diff.txt" \
  || fail "the Slurm sweep's table differs from the local one: $(head -n 5 "$out/diff.txt")"
echo "slurm-sweep-ci: a 2x2 sweep on Slurm (job $job after the points' array) equals the local sweep"

# no sbatch on PATH: exit 2, one line, nothing written
java="$(readlink -f "$(command -v java)")"
set +e
env PATH=/nonexistent "$java" -jar bench/target/scfabric.jar "${sweep[@]}" --slurm --out "$out/none" "${common[@]}" \
  2>"$out/none.err"
code=$?
set -e
[ "$code" -eq 2 ] && [ "$(wc -l <"$out/none.err")" -eq 1 ] && grep -q "sbatch" "$out/none.err" && [ ! -e "$out/none" ] \
  || fail "without sbatch: exit $code, $(cat "$out/none.err")"
echo "slurm-sweep-ci: no sbatch on PATH: exit 2, one line: ok ($out)"
