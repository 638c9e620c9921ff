#!/usr/bin/env bash
# The Brunel (2000) phase diagram on scfabric: mean rate, CV of ISIs and synchrony (Golomb's chi^2) of
# V1 (float64) and V3 (bit-true Q8.8) over g = 2..8 and eta = 0.5..4, with the paper's four states
# A (g 3, eta 2), B (6, 4), C (5, 2), D (4.5, 0.9) marked on the heat maps; then each point is classed
# (quiet, AI, SI, SR, AR: bench/scripts/phase_states.py) and the classes of V1 and V3 compared, which
# shows how far Q8.8 moves the state boundaries. Two networks:
#
#   reference  the benchmark's network: J 0.1 mV, one step (0.1 ms) of delay, V1 without a refractory
#              period, V3 with its core's 0.2 ms
#   brunel     Brunel's model at this size: delay 1.5 ms, refractory period 2 ms, and J scaled to keep
#              J·C_E = 100 mV as in the paper (C_E = 0.1·0.8·N; J = 1.25 mV at N = 1000)
#
#   bench/scripts/brunel-phase-diagram.sh                     # N = 1000, 1000 ms, both networks -> out/phase/
#   N=400 DURATION_MS=500 NETWORKS=brunel bench/scripts/brunel-phase-diagram.sh
#
# Not part of the tests (56 points x 2 variants per network: minutes). Exit 2 on a usage or tool problem.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${N:-1000}"
ms="${DURATION_MS:-1000}"
out="${OUT:-out/phase}"
networks="${NETWORKS:-reference,brunel}"
threads="${THREADS:-$(nproc)}"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
command -v "$py" >/dev/null || { echo "brunel-phase-diagram: python3 is needed to class the states" >&2; exit 2; }

g=2,3,4,4.5,5,6,7,8
eta=0.5,0.9,1,1.5,2,3,4
marks=(--mark A=3,2 --mark B=6,4 --mark C=5,2 --mark D=4.5,0.9)
for net in ${networks//,/ }; do
  case "$net" in
    reference) extra=() ;;
    brunel)
      # J·C_E = 100 mV, C_E = conn_prob · n_exc = 0.1 · floor(0.8 N)
      j=$("$py" -c "print(repr(round(100 / (0.1 * (4 * $n // 5)), 6)))")
      extra=(--delay-ms 1.5 --refractory-ms 2 --j-mv "$j") ;;
    *) echo "brunel-phase-diagram: unknown network '$net' (reference, brunel)" >&2; exit 2 ;;
  esac
  echo "brunel-phase-diagram: $net network, N = $n, $ms ms, ${extra[*]:-reference parameters}" >&2
  "$root/scfabric" sweep brunel --param g=$g --param eta=$eta "${marks[@]}" --threads "$threads" \
    --figures rate_hz,cv_isi,synchrony --out "$out/$net" -- \
    --variants V1,V3 --neurons "$n" --duration-ms "$ms" --no-plots "${extra[@]}" >/dev/null
  "$py" "$root/bench/scripts/phase_states.py" "$out/$net/sweep.csv" > "$out/$net/states.md"
  cat "$out/$net/states.md"
done
