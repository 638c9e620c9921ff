#!/usr/bin/env bash
# The ./scfabric launcher's own promises, checked end to end: the JVM's "Using incubator modules"
# line is not shown, a bad option is one line on stderr with exit code 2, the class-data archive is
# made once and a missing, short or stale one never breaks a run, and a TERM sent to the launcher
# stops the JVM it started. Usage: bench/scripts/launcher-ci.sh
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

# Class-data sharing: a missing archive is made in the background and then used; a stale one (the jar
# changed) or a short one (a copy cut off) is never used, never adds a line to stderr, never breaks a run.
jsa=bench/target/scfabric.jsa
check_run() {  # $1: what the archive is; a clean --version and a one-line bad option
  ./scfabric --version >"$tmp/out" 2>"$tmp/err" || fail "--version failed with $1 archive: $(cat "$tmp/err")"
  [ ! -s "$tmp/err" ] && grep -q '^scfabric ' "$tmp/out" || fail "--version with $1 archive: $(cat "$tmp/out" "$tmp/err")"
  set +e
  ./scfabric brunel --neurons 1 --out "$tmp/never" >/dev/null 2>"$tmp/err"; code=$?
  set -e
  [ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "bad option with $1 archive: $code $(cat "$tmp/err")"
}
wait_archive() {
  for _ in $(seq 1 600); do
    [ -f "$jsa.stamp" ] && [ ! -d "$jsa.lock" ] \
      && [ "$(cat "$jsa.stamp")" = "$(stat -c '%s %Y' bench/target/scfabric.jar) $(stat -c %s "$jsa")" ] && return 0
    sleep 0.1
  done
  fail "no class-data archive appeared within 60 s"
}
rm -rf "$jsa" "$jsa.stamp" "$jsa.lock"
check_run "a missing"
wait_archive
[ -s "$jsa" ] || fail "the archive is empty"
check_run "a fresh"
SCFABRIC_JAVA_OPTS='-Xshare:on -Xlog:cds=off' ./scfabric --version >/dev/null 2>"$tmp/err" \
  || fail "the fresh archive cannot be mapped (-Xshare:on): $(cat "$tmp/err")"
cp "$jsa" "$tmp/good.jsa"; cp "$jsa.stamp" "$tmp/good.stamp"
head -c 4096 "$tmp/good.jsa" >"$jsa"       # cut off: would crash the JVM if it were mapped
check_run "a short"
wait_archive
[ "$(stat -c %s "$jsa")" -gt 4096 ] || fail "the short archive was not replaced"
cp "$tmp/good.jsa" "$jsa"; cp "$tmp/good.stamp" "$jsa.stamp"
touch bench/target/scfabric.jar            # the jar "changed": the archive is stale
check_run "a stale"
wait_archive

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
# a run that outgrows the heap: one line naming the heap and how to give more, exit 1, no stack trace, no output
set +e
err="$(SCFABRIC_JAVA_OPTS=-Xmx12m ./scfabric nir network/src/test/resources/nir/cnn_sinabs.nir --poisson 200 \
  --steps 50 --out "$tmp/oom" 2>&1 >/dev/null)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "out of memory: exit $code, expected 1 ($err)"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "out of memory: more than one line: $err"
case "$err" in *"out of memory"*"SCFABRIC_JAVA_OPTS"*) ;; *) fail "out of memory: unclear message: $err" ;; esac
[ ! -e "$tmp/oom" ] || fail "out of memory: an output folder was left behind"

echo "launcher-ci: no incubator warning, one-line bad option with exit 2, class-data archive made, used and replaced safely, TERM reaches the JVM, out of memory in one line: ok"
