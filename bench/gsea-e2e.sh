#!/usr/bin/env bash
# End-to-end gsea benchmark: 100 datasets (fgsea's example ranks, each with seeded Gaussian noise of sd
# 0.1 on the statistics) x the example collection (586 sets tested per dataset) x 1,000 permutations, preranked,
# at local[1] and local[2], alternating, REPS times each, through submit/biospark.
# Usage: bench/gsea-e2e.sh [REPS] [DATASETS]   (default 3 100). Prints medians:
#   job_s      the run as its manifest times it (inputs read, prepared, computed, written; no JVM start)
#   process_s  the whole command
#   rate/core  set-permutations per second per core over job_s
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${1:-3}"
DATASETS="${2:-100}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
GOLDEN="$ROOT/src/test/resources/golden/geneset"

/usr/bin/python3 "$ROOT/bench/make_gsea_ranks.py" "$GOLDEN/example.rnk" "$WORK/ranks" "$DATASETS"

build_jar

declare -A JOB PROCESS
for ((i = 0; i < REPS; i++)); do
  for cores in 1 2; do
    start=$(now)
    "$ROOT/submit/biospark" --master "local[$cores]" gsea --gene-sets "$GOLDEN/example.gmt" \
      --ranks "$WORK/ranks" --permutations 1000 --out "$WORK/out" --overwrite >/dev/null 2>"$WORK/log"
    PROCESS[$cores]+="$(seconds_since "$start") "
    JOB[$cores]+="$(json_field "$WORK/out/_manifest.json" seconds) "
  done
done
SETPERMS=$(( $(json_field "$WORK/out/_manifest.json" counts sets_tested) * 1000 ))
printf '%-10s %10s %10s %14s\n' master job_s process_s rate/core
for cores in 1 2; do
  j=$(tr ' ' '\n' <<<"${JOB[$cores]}" | grep . | median)
  p=$(tr ' ' '\n' <<<"${PROCESS[$cores]}" | grep . | median)
  printf '%-10s %10.2f %10.2f %14.3e\n' "local[$cores]" "$j" "$p" "$(echo "$SETPERMS / $j / $cores" | bc -l)"
done
echo "set-permutations per run: $SETPERMS; all job_s: local[1] ${JOB[1]}; local[2] ${JOB[2]}"
