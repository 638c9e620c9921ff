#!/usr/bin/env bash
# The ./scfabric launcher's own promises, checked end to end: the JVM's "Using incubator modules"
# line is not shown, a bad option is one line on stderr with exit code 2, and a TERM sent to the
# launcher stops the JVM it started. Usage: bench/scripts/launcher-ci.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "launcher-ci: $*" >&2; exit 1; }

./scfabric --version >"$tmp/out" 2>"$tmp/err" || fail "--version failed: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "--version wrote to stderr: $(cat "$tmp/err")"
grep -q '^scfabric ' "$tmp/out" || fail "--version printed: $(cat "$tmp/out")"

set +e
./scfabric brunel --neurons 1 --out "$tmp/never" >/dev/null 2>"$tmp/err"; code=$?
set -e
[ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && [ ! -e "$tmp/never" ] \
  || fail "a bad option should give one line on stderr and exit 2, got $code: $(cat "$tmp/err")"

set +e
./scfabric >/dev/null 2>"$tmp/err"; code=$?
set -e
[ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] \
  || fail "no command should give one line on stderr and exit 2, got $code: $(cat "$tmp/err")"

./scfabric brunel --variants V3 --neurons 2000 --duration-ms 60000 --no-plots --out "$tmp/long" \
  >/dev/null 2>&1 &
launcher=$!
for _ in $(seq 1 100); do
  jvm="$(pgrep -P "$launcher" java || true)"
  [ -n "$jvm" ] && break
  sleep 0.1
done
[ -n "$jvm" ] || fail "the launcher started no JVM"
kill -TERM "$launcher"
wait "$launcher" 2>/dev/null || true
for _ in $(seq 1 50); do
  kill -0 "$jvm" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$jvm" 2>/dev/null; then
  kill -KILL "$jvm"
  fail "the JVM outlived a TERM sent to its launcher"
fi
echo "launcher-ci: no incubator warning, one-line bad option with exit 2, TERM reaches the JVM: ok"
