#!/usr/bin/env bash
# The ./scfabric launcher's own promises, checked end to end: the JVM's "Using incubator modules"
# line is not shown, a bad option is one line on stderr with exit code 2, the start-up cache (AOT cache
# on Java 25+, class-data archive on 17) is made once and a missing, short or stale one never breaks a
# run, SCFABRIC_JAVA picks the JVM, and a TERM sent to the launcher stops the JVM it started. Usage: bench/scripts/launcher-ci.sh
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

# Start-up caches: a missing cache is made in the background and then used; a stale one (the jar
# changed) or a short one (a copy cut off) is never used, never adds a line to stderr, never breaks a
# run. Checked for the Java the launcher picks (a JDK 25 or later: the AOT cache scfabric.aot) and for
# Java 17 (SCFABRIC_JAVA=java: the AppCDS archive scfabric.jsa), when those differ.
check_run() {  # $1: what the cache is; a clean --version and a one-line bad option
  ./scfabric --version >"$tmp/out" 2>"$tmp/err" || fail "--version failed with $1 cache: $(cat "$tmp/err")"
  [ ! -s "$tmp/err" ] && grep -q '^scfabric ' "$tmp/out" || fail "--version with $1 cache: $(cat "$tmp/out" "$tmp/err")"
  set +e
  ./scfabric brunel --neurons 1 --out "$tmp/never" >/dev/null 2>"$tmp/err"; code=$?
  set -e
  [ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "bad option with $1 cache: $code $(cat "$tmp/err")"
}
wait_cache() {  # the stamp: jar size and time, the JVM, the cache's size
  local stamp
  for _ in $(seq 1 600); do
    if [ -f "$cache.stamp" ] && [ ! -d "$cache.lock" ] && [ -f "$cache" ]; then
      stamp="$(cat "$cache.stamp")"
      case "$stamp" in
        "$(stat -c '%s %Y' bench/target/scfabric.jar) "*" $(stat -c %s "$cache")") return 0 ;;
      esac
    fi
    sleep 0.1
  done
  fail "no start-up cache $cache appeared within 60 s"
}
check_cache() {  # $1: cache file; $2: options that make the JVM refuse to run without the cache
  cache="$1"
  rm -rf "$cache" "$cache.stamp" "$cache.lock"
  check_run "a missing"
  wait_cache
  [ -s "$cache" ] || fail "the cache $cache is empty"
  check_run "a fresh"
  SCFABRIC_JAVA_OPTS="$2" ./scfabric --version >/dev/null 2>"$tmp/err" \
    || fail "the fresh cache $cache cannot be mapped ($2): $(cat "$tmp/err")"
  cp "$cache" "$tmp/good"; cp "$cache.stamp" "$tmp/good.stamp"
  head -c 4096 "$tmp/good" >"$cache"       # cut off: would crash a Java 17 JVM if it were mapped
  check_run "a short"
  wait_cache
  [ "$(stat -c %s "$cache")" -gt 4096 ] || fail "the short cache $cache was not replaced"
  cp "$tmp/good" "$cache"; cp "$tmp/good.stamp" "$cache.stamp"
  touch bench/target/scfabric.jar            # the jar "changed": the cache is stale
  check_run "a stale"
  wait_cache
}
picked="$(./scfabric --version | sed -n 's/^Java \([0-9]*\).*/\1/p')"
on_path="$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
checked="Java ${picked:-?}"
if [ "${picked:-0}" -ge 25 ]; then
  check_cache bench/target/scfabric.aot '-XX:AOTMode=on -Xlog:aot=off,cds=off'
  if [ "${on_path:-0}" -lt 25 ]; then
    export SCFABRIC_JAVA=java
    check_cache bench/target/scfabric.jsa '-Xshare:on -Xlog:cds=off'
    unset SCFABRIC_JAVA
    checked="$checked and $on_path"
  fi
else
  check_cache bench/target/scfabric.jsa '-Xshare:on -Xlog:cds=off'
fi
set +e
SCFABRIC_JAVA=/no/such/java ./scfabric --version >/dev/null 2>"$tmp/err"; code=$?
set -e
[ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "a wrong SCFABRIC_JAVA should give one line and exit 2, got $code: $(cat "$tmp/err")"
# SCFABRIC_JAVA picks the JVM, and the incubating Vector API works there
SCFABRIC_JAVA=java ./scfabric --version | grep -q "^Java $(java -version 2>&1 | sed -n 's/.*version "\([0-9.]*\).*/\1/p')" \
  || fail "SCFABRIC_JAVA=java did not run the java on PATH"

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

echo "launcher-ci: no incubator warning, one-line bad option with exit 2, start-up caches ($checked) made, used and replaced safely, SCFABRIC_JAVA, TERM reaches the JVM, out of memory in one line: ok"
