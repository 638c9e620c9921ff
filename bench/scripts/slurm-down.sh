#!/usr/bin/env bash
# Stops the private Slurm that bench/scripts/slurm-up.sh started: cancels its jobs, then ends slurmd,
# slurmctld and munged by the pids slurm-up.sh recorded (never by name: another Slurm may run here).
# Usage: bench/scripts/slurm-down.sh [DIR]   (default target/slurm)
set -uo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-target/slurm}"
[ -d "$dir" ] || exit 0
dir="$(cd "$dir" && pwd)"
if [ -f "$dir/slurm.conf" ] && [ -f "$dir/slurmctld.pid" ] && kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then
  SLURM_CONF="$dir/slurm.conf" scancel --full --quiet --partition=ci 2>/dev/null || true
  for _ in $(seq 20); do
    [ -z "$(SLURM_CONF="$dir/slurm.conf" squeue -h -o %i 2>/dev/null)" ] && break
    sleep 0.5
  done
fi
for d in slurmd slurmctld munged; do
  f="$dir/$d.pid"
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$f"
done
echo "slurm-down: stopped the Slurm in $dir" >&2
