#!/usr/bin/env bash
# End-to-end sumrange benchmark: [0, TO) with the Spark engine at local[1] and local[2], the thread engine at 1 and
# 2 threads, and the serial engine, each REPS times through submit/biospark (whole process timed too).
# Usage: bench/sumrange.sh [TO] [REPS]   (default 10000000000 3). Prints a table of medians:
#   compute_s  wall time of the summing step (what the speed-up is computed from)
#   startup_s  the Spark engine's warm-up job (cold JVM: class loading, JIT), not in compute_s
#   process_s  the whole command, JVM start, Spark session, Parquet write and all
set -euo pipefail
. "$(dirname "$0")/lib.sh"
TO="${1:-10000000000}"
REPS="${2:-3}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

build_jar

run() { # label master engine workers
  local label="$1" master="$2" engine="$3" workers="$4" compute=() process=() startup=()
  for ((i = 0; i < REPS; i++)); do
    local start log
    start=$(now)
    log=$("$ROOT/submit/biospark" --master "$master" sumrange --to "$TO" --engine "$engine" \
          --partitions "$workers" --threads "$workers" --out "$OUT/r" --overwrite 2>/dev/null)
    process+=("$(seconds_since "$start")")
    compute+=("$(sed -n 's/^wall \([0-9.]*\) s.*/\1/p' <<<"$log")")
    startup+=("$(sed -n 's/^spark start-up \([0-9.]*\) s.*/\1/p' <<<"$log")")
  done
  local c p s
  c=$(printf '%s\n' "${compute[@]}" | median)
  p=$(printf '%s\n' "${process[@]}" | median)
  s=$(printf '%s\n' "${startup[@]:-0}" | sed 's/^$/0/' | median)
  printf '%-18s %10.3f %10.3f %10.3f %14.3e %14.3e\n' "$label" "$c" "$s" "$p" \
    "$(echo "$TO / $c" | bc -l)" "$(echo "$TO / $c / $workers" | bc -l)"
}

printf '%-18s %10s %10s %10s %14s %14s\n' "engine" "compute_s" "startup_s" "process_s" "integers/s" "per_worker/s"
run "serial"            "local[1]" serial  1
run "threads x1"        "local[2]" threads 1
run "threads x2"        "local[2]" threads 2
run "spark local[1]"    "local[1]" spark   1
run "spark local[2]"    "local[2]" spark   2
