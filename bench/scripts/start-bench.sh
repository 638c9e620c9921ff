#!/usr/bin/env bash
# Whole-command start: `./scfabric brunel --variants V18 --neurons 1000 --no-plots` from the shell, runs
# alternated so that every way sees the same load:
#   picked   the launcher as it is (a JDK 25+ with its AOT cache when there is one, else Java 17 + AppCDS)
#   java17   SCFABRIC_JAVA=java: the java on PATH (Java 17) with its AppCDS archive
#   nocache  SCFABRIC_CDS=0: the picked JVM without a start-up cache
#   other    OTHER/scfabric, another checkout's launcher and jar (e.g. main's), when given
# Prints the median and range of wall and CPU (user + sys) seconds of each, the ratios of the medians
# to the first, and the load. Usage: bench/scripts/start-bench.sh [REPEATS] [OTHER]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-7}"
other="${2:-}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
modes=(picked java17 nocache)
[ -n "$other" ] && modes+=(other)
run() {  # $1: mode; the command's output is dropped
  case "$1" in
    picked) ./scfabric "${@:2}" ;;
    java17) SCFABRIC_JAVA=java ./scfabric "${@:2}" ;;
    nocache) SCFABRIC_CDS=0 ./scfabric "${@:2}" ;;
    other) "$other/scfabric" "${@:2}" ;;
  esac
}
for m in "${modes[@]}"; do                            # builds the jars and waits for their caches
  run "$m" --version >/dev/null
done
for _ in $(seq 1 300); do
  ls bench/target/*.lock "$other"/bench/target/*.lock >/dev/null 2>&1 || break
  sleep 0.2
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; picked: $(./scfabric --version | tail -1)"
for i in $(seq 1 "$n"); do
  for m in "${modes[@]}"; do
    /usr/bin/time -f "%e %U %S" -a -o "$out/$m" bash -c "$(declare -f run); other='$other'; \
      run $m brunel --variants V18 --neurons 1000 --no-plots --out '$out/brunel'" >/dev/null 2>&1
  done
done
med() { sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
range() { sort -n | awk '{a[NR]=$1} END {printf "%.2f..%.2f", a[1], a[NR]}'; }
w0=""; c0=""
for m in "${modes[@]}"; do
  w="$(cut -d' ' -f1 "$out/$m" | med)"; c="$(awk '{print $2 + $3}' "$out/$m" | med)"
  [ -z "$w0" ] && { w0="$w"; c0="$c"; }
  printf '%-8s wall median %s s (%s), CPU median %s s (%s), %d runs; wall %.2f×, CPU %.2f× of %s\n' "$m" "$w" \
    "$(cut -d' ' -f1 "$out/$m" | range)" "$c" "$(awk '{print $2 + $3}' "$out/$m" | range)" "$n" \
    "$(echo "$w / $w0" | bc -l)" "$(echo "$c / $c0" | bc -l)" "${modes[0]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
