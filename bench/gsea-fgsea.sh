#!/usr/bin/env bash
# gsea over many signatures against fgsea, whole processes, in one run on this machine:
#   - SIMPLE signatures (default 1,000), preranked, 1,000 permutations: biospark at local[2] against fgseaSimple in
#     2 R worker processes;
#   - MULTILEVEL signatures (default 100) with multilevel p-values: biospark --multilevel at local[2] against
#     fgsea() in 2 R worker processes;
#   - RATE signatures (default 10,000), biospark alone at local[2]: its rate per core against the kernel's rate by
#     JMH in the same run (PrerankedGseaBenchmark.thousandPermutations, the launcher's JVM flags).
# The signatures are fgsea's example ranks with seeded Gaussian noise (bench/make_gsea_ranks.py --long): one long
# Parquet table of (dataset, gene, score) rows for biospark, the same rows as CSV for R
# (bench/fgsea_signatures.R); the example collection (586 sets tested per signature). biospark and R alternate,
# REPS times each; times are medians of the whole command (process_s) and, for biospark, of the manifest's job time.
# Needs R with fgsea, BiocParallel and data.table on R's library path (R_LIBS).
# Usage: bench/gsea-fgsea.sh [REPS] [SIMPLE] [MULTILEVEL] [RATE]   (default 1 1000 100 10000; 0 skips a part)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${1:-1}"
SIMPLE="${2:-1000}"
MULTILEVEL="${3:-100}"
RATE="${4:-10000}"
GOLDEN="$ROOT/src/test/resources/golden/geneset"
WORK="$ROOT/target/bench-fgsea"
mkdir -p "$WORK"
Rscript -e 'suppressMessages({library(fgsea); library(BiocParallel); library(data.table)})' 2>/dev/null || {
  echo "bench: needs R with fgsea, BiocParallel and data.table on R_LIBS" >&2; exit 1; }
FGSEA="$(Rscript -e 'cat(as.character(packageVersion("fgsea")))')"

build_jar
# signatures N: the long CSV and the Parquet table of N signatures, made once and kept under target/
signatures() {
  local n="$1"
  [[ -f "$WORK/ranks_$n.csv" ]] || /usr/bin/python3 "$ROOT/bench/make_gsea_ranks.py" "$GOLDEN/example.rnk" \
    "$WORK/ranks_$n.csv" "$n" --long
  [[ -d "$WORK/ranks_$n.parquet" ]] || "$ROOT/submit/biospark" sql --format parquet --out "$WORK/ranks_$n.parquet" \
    "SELECT _c0 AS dataset, _c1 AS gene, CAST(_c2 AS DOUBLE) AS score FROM csv.\`$WORK/ranks_$n.csv\`" \
    >/dev/null 2>"$WORK/sql.log"
}
for n in "$SIMPLE" "$MULTILEVEL" "$RATE"; do
  [[ "$n" == 0 ]] || signatures "$n"
done

KERNEL=0
if [[ "$RATE" != 0 ]]; then
  FLAGS="$(awk '$1 == "spark.driver.extraJavaOptions" { $1 = ""; sub(/^ +/, ""); print }' "$ROOT/conf/spark-defaults.conf")"
  (cd "$ROOT" && unset BIOSPARK_NO_BUILD && build_bench)
  KERNEL="$(cd "$ROOT" && jmh PrerankedGseaBenchmark.thousandPermutations -wi 2 -i 3 -w 3 -r 3 -f 1 \
    -jvmArgsAppend "-Xmx2g $FLAGS" -rf json -rff "$WORK/jmh.json" > "$WORK/jmh.log" \
    && json_field "$WORK/jmh.json" 0 primaryMetric score)"
fi

declare -A PROCESS JOB
# biospark NAME N ARGS...: one timed biospark run over N signatures at local[2]
biospark() {
  local name="$1" n="$2"; shift 2
  local start
  start=$(now)
  "$ROOT/submit/biospark" --master "local[2]" gsea --gene-sets "$GOLDEN/example.gmt" \
    --ranks "$WORK/ranks_$n.parquet" --permutations 1000 "$@" --out "$WORK/out" --overwrite \
    >/dev/null 2>"$WORK/biospark.log" || { tail -5 "$WORK/biospark.log" >&2; exit 1; }
  PROCESS[$name]+="$(seconds_since "$start") "
  JOB[$name]+="$(json_field "$WORK/out/_manifest.json" seconds) "
  SETPERMS[$name]=$(( $(json_field "$WORK/out/_manifest.json" counts sets_tested) * 1000 ))
}
# fgsea NAME N MODE: one timed R run over N signatures with 2 workers
fgsea() {
  local name="$1" n="$2" mode="$3"
  local start
  start=$(now)
  Rscript "$ROOT/bench/fgsea_signatures.R" "$WORK/ranks_$n.csv" "$GOLDEN/example.gmt" "$mode" 2 "$WORK/fgsea.csv" \
    >/dev/null 2>"$WORK/fgsea.log" || { tail -5 "$WORK/fgsea.log" >&2; exit 1; }
  PROCESS[$name]+="$(seconds_since "$start") "
}
declare -A SETPERMS
for ((i = 0; i < REPS; i++)); do
  if [[ "$SIMPLE" != 0 ]]; then
    biospark simple "$SIMPLE"
    fgsea fgseaSimple "$SIMPLE" simple
  fi
  if [[ "$MULTILEVEL" != 0 ]]; then
    fgsea fgsea "$MULTILEVEL" multilevel
    biospark multilevel "$MULTILEVEL" --multilevel
  fi
  [[ "$RATE" == 0 ]] || biospark rate "$RATE"
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo "fgsea $FGSEA, $(nproc) CPUs, $(lscpu | awk -F': +' '/Model name/ { print $2 }'), medians of $REPS"
printf '%-34s %12s %12s %12s\n' workload biospark_s peer_s ratio
if [[ "$SIMPLE" != 0 ]]; then
  b=$(med "${PROCESS[simple]}"); p=$(med "${PROCESS[fgseaSimple]}")
  printf '%-34s %12.2f %12.2f %12.2f\n' "$SIMPLE signatures, fgseaSimple" "$b" "$p" "$(echo "$p / $b" | bc -l)"
  echo "  biospark job_s: ${JOB[simple]% }; process_s: ${PROCESS[simple]% }; fgseaSimple: ${PROCESS[fgseaSimple]% }"
fi
if [[ "$MULTILEVEL" != 0 ]]; then
  b=$(med "${PROCESS[multilevel]}"); p=$(med "${PROCESS[fgsea]}")
  printf '%-34s %12.2f %12.2f %12.2f\n' "$MULTILEVEL signatures, multilevel fgsea()" "$b" "$p" "$(echo "$p / $b" | bc -l)"
  echo "  biospark job_s: ${JOB[multilevel]% }; process_s: ${PROCESS[multilevel]% }; fgsea: ${PROCESS[fgsea]% }"
fi
if [[ "$RATE" != 0 ]]; then
  j=$(med "${JOB[rate]}"); p=$(med "${PROCESS[rate]}")
  per_core=$(echo "${SETPERMS[rate]} / $j / 2" | bc -l)
  printf '%s signatures: job %.2f s, process %.2f s, %.3e set-permutations/s per core, kernel %.3e: %.2f of it\n' \
    "$RATE" "$j" "$p" "$per_core" "$KERNEL" "$(echo "$per_core / $KERNEL" | bc -l)"
fi
