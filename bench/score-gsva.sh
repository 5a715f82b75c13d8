#!/usr/bin/env bash
# Single-sample gene-set scores against R's GSVA, whole processes, in one run on this machine: for each method
# (default gsva and ssgsea), R's gsva() on one core (bench/gsva_r.R: BiocParallel's SerialParam, parallel.sz = 1, a
# single-threaded BLAS) and `submit/biospark score` at local[1] and at local[2], on the same seeded matrix
# (bench/make_score_data.py: GENES x SAMPLES log2-scale values, SETS sets of 10 to 500 genes, a few of them shifted in
# a subgroup of the samples; kept under target/bench-score/ by size and seed). Each run is timed as a whole process by
# /usr/bin/time (wall seconds, max RSS, CPU seconds); R's own split (loading GSVA, reading the files, the gsva() call)
# and biospark's job time (its manifest's seconds) are shown beside. Then biospark's scores are compared with R's
# (every (set, sample) pair, through `submit/biospark sql`): the largest absolute difference, the largest relative one
# (over R's non-zero scores), and local[1] against local[2].
# Columns: R_s, local1_s, local2_s are medians of RUNS; per_core_1 = R_s / (local1_s x 1), per_core_2 = R_s /
# (local2_s x 2): above 1, biospark does more per core than R. biospark runs with the launcher's defaults
# (conf/spark-defaults.conf: a 4 GB driver); R and biospark alternate, method by method.
# Needs R with GSVA 1.46 (Debian's r-bioc-gsva) and BiocParallel, unless --no-r.
# Usage: bench/score-gsva.sh [--genes 20000] [--samples 1000] [--sets 50] [--seed 1] [--runs 1]
#                            [--methods gsva,ssgsea] [--no-r]
#   --no-r: biospark alone (for sizes R would take too long on, such as 10,000 samples); bench/score-large.sh
#   reports memory at that size.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
GENES=20000
SAMPLES=1000
SETS=50
SEED=1
RUNS=1
METHODS="gsva,ssgsea"
WITH_R=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --genes|--samples|--sets|--seed|--runs|--methods)
      [[ $# -ge 2 ]] || { echo "bench: $1 needs a value" >&2; exit 2; }
      case "$1" in
        --genes) GENES="$2" ;; --samples) SAMPLES="$2" ;; --sets) SETS="$2" ;; --seed) SEED="$2" ;;
        --runs) RUNS="$2" ;; --methods) METHODS="$2" ;;
      esac
      shift 2 ;;
    --no-r) WITH_R=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
IFS=', ' read -r -a METHOD_LIST <<<"$METHODS"
for m in "${METHOD_LIST[@]}"; do
  [[ "$m" =~ ^(gsva|ssgsea|zscore|plage)$ ]] || { echo "bench: unknown method $m" >&2; exit 2; }
done
WORK="$ROOT/target/bench-score"
mkdir -p "$WORK"

# data G S K: the directory of the seeded matrix and sets of that size, made once
data() {
  local dir="$WORK/data_g$1_s$2_k$3_seed$SEED"
  [[ -f "$dir/expression.gct" && -f "$dir/sets.gmt" ]] || /usr/bin/python3 "$ROOT/bench/make_score_data.py" \
    --genes "$1" --samples "$2" --sets "$3" --seed "$SEED" --out-dir "$dir" >&2
  echo "$dir"
}
DATA="$(data "$GENES" "$SAMPLES" "$SETS")"
TINY="$(data 200 20 10)"

GSVA=none
if [[ "$WITH_R" == 1 ]]; then
  Rscript -e 'suppressMessages({library(GSVA); library(BiocParallel)})' 2>/dev/null || {
    echo "bench: needs R with GSVA and BiocParallel (apt-get install r-bioc-gsva), or --no-r" >&2; exit 1; }
  GSVA="$(Rscript -e 'cat(as.character(packageVersion("GSVA")))')"
fi
build_jar

# timed LOG COMMAND...: runs COMMAND with its output in LOG; sets WALL, RSS_MB and CPU from /usr/bin/time
timed() {
  local log="$1"; shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$log.time" "$@" >"$log" 2>&1; then
    echo "bench: failed: $*" >&2; tail -5 "$log" >&2; exit 1
  fi
  read -r WALL RSS_KB user sys < <(tail -1 "$log.time")
  RSS_MB=$(( RSS_KB / 1024 ))
  CPU="$(echo "$user + $sys" | bc -l)"
}
# score M CORES DATA OUT: sets SCORE to the command of one `biospark score` run
score() {
  local kcdf=()
  [[ "$1" == gsva ]] && kcdf=(--kcdf gaussian)
  SCORE=("$ROOT/submit/biospark" --master "local[$2]" score --method "$1" "${kcdf[@]}" --min-size 1
    --expression "$3/expression.gct" --gene-sets "$3/sets.gmt" --out "$4" --overwrite)
}
# An untimed run first, on a tiny matrix: the launcher's first run of a command after a new jar is slow.
score "${METHOD_LIST[0]}" 2 "$TINY" "$WORK/warmup"
timed "$WORK/warmup.log" "${SCORE[@]}"

declare -A T RSS CPUS EXTRA
for ((run = 0; run < RUNS; run++)); do
  for m in "${METHOD_LIST[@]}"; do
    if [[ "$WITH_R" == 1 ]]; then
      timed "$WORK/r_$m.log" env OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        Rscript "$ROOT/bench/gsva_r.R" "$DATA/expression.gct" "$DATA/sets.gmt" "$m" "$WORK/r_$m.tsv"
      T[$m,R]+="$WALL " RSS[$m,R]+="$RSS_MB " CPUS[$m,R]+="$CPU "
      for k in load_s read_s gsva_s; do EXTRA[$m,$k]+="$(awk -v k=$k '$1 == k { print $2 }' "$WORK/r_$m.log") "; done
    fi
    for c in 1 2; do
      score "$m" "$c" "$DATA" "$WORK/out_${m}_$c"
      timed "$WORK/score_${m}_$c.log" "${SCORE[@]}"
      T[$m,$c]+="$WALL " RSS[$m,$c]+="$RSS_MB " CPUS[$m,$c]+="$CPU "
      EXTRA[$m,job$c]+="$(json_field "$WORK/out_${m}_$c/_manifest.json" seconds) "
    done
  done
done

# compare M: pairs, R's rows, biospark's rows, max |b - r|, max |b - r| / |r|, max |local[1] - local[2]|
compare() {
  local m="$1" b1="$WORK/out_$1_1/scores" b2="$WORK/out_$1_2/scores" q
  if [[ "$WITH_R" == 1 ]]; then
    q="WITH r AS (SELECT f[0] AS gene_set, f[1] AS sample, try_cast(f[2] AS DOUBLE) AS score
         FROM (SELECT split(value, '\t') AS f FROM text.\`$WORK/r_$m.tsv\`) WHERE f[0] <> 'gene_set'),
       b1 AS (SELECT gene_set, sample, score FROM parquet.\`$b1\`),
       b2 AS (SELECT gene_set, sample, score FROM parquet.\`$b2\`)
       SELECT count(*) AS pairs, count(r.score) AS r_rows, count(b1.score) AS b_rows,
         max(abs(b1.score - r.score)) AS max_abs,
         max(try_divide(abs(b1.score - r.score), abs(r.score))) AS max_rel,
         max(abs(b1.score - b2.score)) AS max_abs_12
       FROM r FULL OUTER JOIN b1 ON r.gene_set = b1.gene_set AND r.sample = b1.sample
         LEFT JOIN b2 ON b1.gene_set = b2.gene_set AND b1.sample = b2.sample"
  else
    q="SELECT count(*) AS pairs, 0 AS r_rows, count(b1.score) AS b_rows, NULL AS max_abs, NULL AS max_rel,
         max(abs(b1.score - b2.score)) AS max_abs_12
       FROM parquet.\`$b1\` b1 FULL OUTER JOIN parquet.\`$b2\` b2
         ON b1.gene_set = b2.gene_set AND b1.sample = b2.sample"
  fi
  "$ROOT/submit/biospark" --master "local[2]" sql --format csv "$q" >"$WORK/compare_$m.csv" \
    2>"$WORK/compare_$m.log" || { tail -5 "$WORK/compare_$m.log" >&2; exit 1; }
  tail -1 "$WORK/compare_$m.csv"
}

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
maxof() { tr ' ' '\n' <<<"$1" | grep . | sort -g | tail -1; }
ratio() { [[ "$1" == - ]] && { echo -; return; }; printf '%.2f' "$(echo "$1 / ($2 * $3)" | bc -l)"; }
num() { [[ -z "$1" || "$1" == - ]] && { echo -; return; }; printf "$2" "$1"; }
echo "GSVA $GSVA; $GENES genes x $SAMPLES samples, $SETS sets, seed $SEED; $(nproc) CPUs," \
  "$(lscpu | awk -F': +' '/Model name/ { print $2 }'); medians of $RUNS"
printf '%-7s %9s %9s %9s %11s %11s %10s %10s %10s\n' method R_s local1_s local2_s per_core_1 per_core_2 \
  max_abs max_rel max_abs_12
details=()
for m in "${METHOD_LIST[@]}"; do
  r=-
  [[ "$WITH_R" == 1 ]] && r="$(med "${T[$m,R]}")"
  b1="$(med "${T[$m,1]}")"; b2="$(med "${T[$m,2]}")"
  diff="$(compare "$m")"
  IFS=, read -r pairs r_rows b_rows max_abs max_rel max_12 <<<"$diff"
  printf '%-7s %9s %9.2f %9.2f %11s %11s %10s %10s %10s\n' "$m" "$(num "$r" %.2f)" "$b1" "$b2" \
    "$(ratio "$r" "$b1" 1)" "$(ratio "$r" "$b2" 2)" "$(num "$max_abs" %.2e)" "$(num "$max_rel" %.2e)" \
    "$(num "$max_12" %.2e)"
  d="  $m: biospark local[1] job $(num "$(med "${EXTRA[$m,job1]}")" %.2f) s, CPU $(med "${CPUS[$m,1]}") s, max RSS"
  d+=" $(maxof "${RSS[$m,1]}") MB; local[2] job $(num "$(med "${EXTRA[$m,job2]}")" %.2f) s,"
  d+=" CPU $(med "${CPUS[$m,2]}") s,"
  d+=" max RSS $(maxof "${RSS[$m,2]}") MB; rows $b_rows of $pairs pairs"
  if [[ "$WITH_R" == 1 ]]; then
    d+="; R: load $(med "${EXTRA[$m,load_s]}") s, read $(med "${EXTRA[$m,read_s]}") s,"
    d+=" gsva() $(med "${EXTRA[$m,gsva_s]}") s, CPU $(med "${CPUS[$m,R]}") s, max RSS $(maxof "${RSS[$m,R]}") MB,"
    d+=" rows $r_rows"
  fi
  details+=("$d")
  for w in R 1 2; do [[ -n "${T[$m,$w]:-}" ]] && details+=("    $m $w wall s: ${T[$m,$w]% }"); done
done
printf '%s\n' "${details[@]}"
