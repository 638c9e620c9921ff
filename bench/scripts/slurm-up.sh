#!/usr/bin/env bash
# Starts a private single-node Slurm on this machine, for CI and for trying `scfabric faults --slurm`:
# its own munge key and socket, its own slurm.conf, ports, spool and state folders under one folder, so it
# neither needs nor touches /etc/slurm or a system munged. Installs Debian's slurmctld, slurmd,
# slurm-client and munge when they are missing. Waits until the node is idle, then prints the one line
# a shell needs to use it:   eval "$(bench/scripts/slurm-up.sh)"   ->   export SLURM_CONF=.../slurm.conf
# Stop it with bench/scripts/slurm-down.sh (by the pids this script recorded).
# Usage: bench/scripts/slurm-up.sh [DIR]   (default target/slurm; SLURM_UP_TIMEOUT seconds, default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-target/slurm}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
log() { echo "slurm-up: $*" >&2; }

need=()
command -v slurmctld >/dev/null || need+=(slurmctld)
command -v slurmd    >/dev/null || need+=(slurmd)
command -v sbatch    >/dev/null || need+=(slurm-client)
command -v munged    >/dev/null || need+=(munge)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q "${need[@]}" >&2
fi
if [ "$(id -u)" -ne 0 ]; then
  log "needs root (SlurmUser=root and slurmd run as root here)"; exit 1
fi

# one of ours still running? stop it first, so the pids and ports below are this start's
if ls "$dir"/*.pid >/dev/null 2>&1; then
  bench/scripts/slurm-down.sh "$dir" >&2
fi
rm -rf "$dir/state" "$dir/spool" "$dir"/*.log
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 700 "$dir" "$dir/munge"

# munge: a fresh key, a private socket
head -c 1024 /dev/urandom >"$dir/munge/munge.key"
chmod 400 "$dir/munge/munge.key"
sock="$dir/munge/munge.socket"
munged --foreground --force --key-file="$dir/munge/munge.key" --socket="$sock" \
  --pid-file="$dir/munge/munged.pidfile" --log-file="$dir/munged.log" --seed-file="$dir/munge/munged.seed" \
  >>"$dir/munged.log" 2>&1 &
echo $! >"$dir/munged.pid"

# the node and the controller on the loopback address: the host name need not resolve (containers)
# two free TCP ports for slurmctld and slurmd (the system's Slurm, if any, keeps 6817/6818)
read -r ctld_port slurmd_port < <(/usr/bin/python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

host="$(hostname -s)"
node="$(slurmd -C | head -n 1)"              # NodeName=host CPUs=... RealMemory=...
cpus="$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$node")"
cat >"$dir/slurm.conf" <<CONF
# written by bench/scripts/slurm-up.sh: a private single-node Slurm for CI
ClusterName=scfabric-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/slurmd-%n
SlurmctldPidFile=$dir/state/slurmctld.pidfile
SlurmdPidFile=$dir/spool/slurmd.pidfile
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
KillWait=5
MinJobAge=600
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || { log "munged did not start (see $dir/munged.log)"; exit 1; }
slurmctld -D -c -f "$SLURM_CONF" >>"$dir/slurmctld.out" 2>&1 &
echo $! >"$dir/slurmctld.pid"
slurmd -D -f "$SLURM_CONF" >>"$dir/slurmd.out" 2>&1 &
echo $! >"$dir/slurmd.pid"

timeout="${SLURM_UP_TIMEOUT:-60}"
start=$SECONDS
until [ "$(sinfo -h -n "$host" -o %t 2>/dev/null)" = idle ]; do
  for d in munged slurmctld slurmd; do
    kill -0 "$(cat "$dir/$d.pid")" 2>/dev/null || { log "$d exited (see $dir/$d.log, $dir/$d.out)"; exit 1; }
  done
  if [ $((SECONDS - start)) -ge "$timeout" ]; then
    log "node $host not idle after ${timeout}s: $(sinfo -h -o '%t %E' 2>&1 | head -n 1) (see $dir/*.log)"
    exit 1
  fi
  sleep 0.5
done
log "Slurm up in $((SECONDS - start))s: node $host ($cpus CPUs), partition ci, ports $ctld_port/$slurmd_port, state in $dir"
echo "export SLURM_CONF=$SLURM_CONF"
