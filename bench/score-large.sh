#!/usr/bin/env bash
# `submit/biospark score` alone on a large matrix (default 20,000 genes x 10,000 samples, 50 sets, the seeded data of
# bench/make_score_data.py, kept under target/bench-score/ by size and seed), at local[CORES] (default 2), for each
# method (default gsva and ssgsea): the whole process's wall time, CPU time and max RSS by
# /usr/bin/time, the job's time (its manifest's seconds), and the JVM's heap: the most in use before any collection
# and the most committed, from a GC log (-Xlog:gc, plus the heap at exit), against the maximum the run was given.
# Memory: in local mode the driver JVM is the executor too, so its heap, --driver-memory (default: the 4 GB of
# conf/spark-defaults.conf), bounds everything Spark holds; the parsed matrix is persisted MEMORY_AND_DISK (what does
# not fit in Spark's share of the heap goes to local disk, spark.local.dir), and one task holds at most about
# --block-mb of it at a time (score's option). Max RSS is that heap as far as committed plus the JVM's own memory
# (metaspace, code cache, thread stacks, direct buffers).
# The GC log goes through spark.driver.extraJavaOptions, with the launcher's JIT flags of conf/spark-defaults.conf
# kept in it.
# Usage: bench/score-large.sh [--genes 20000] [--samples 10000] [--sets 50] [--seed 1] [--runs 1] [--cores 2]
#                             [--methods gsva,ssgsea] [--driver-memory 4g] [--block-mb N]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
GENES=20000
SAMPLES=10000
SETS=50
SEED=1
RUNS=1
CORES=2
METHODS="gsva,ssgsea"
DRIVER_MEMORY=""
BLOCK_MB=""
while [[ $# -gt 0 ]]; do
  [[ "$1" =~ ^(-h|--help)$ ]] && { sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0; }
  [[ $# -ge 2 ]] || { echo "bench: $1 needs a value (see --help)" >&2; exit 2; }
  case "$1" in
    --genes) GENES="$2" ;; --samples) SAMPLES="$2" ;; --sets) SETS="$2" ;; --seed) SEED="$2" ;;
    --runs) RUNS="$2" ;; --cores) CORES="$2" ;; --methods) METHODS="$2" ;;
    --driver-memory) DRIVER_MEMORY="$2" ;; --block-mb) BLOCK_MB="$2" ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
IFS=', ' read -r -a METHOD_LIST <<<"$METHODS"
WORK="$ROOT/target/bench-score"
DATA="$WORK/data_g${GENES}_s${SAMPLES}_k${SETS}_seed$SEED"
TINY="$WORK/data_g200_s20_k10_seed$SEED"
mkdir -p "$WORK"
# the seeded matrix and sets of each size, made once
for size in "$GENES $SAMPLES $SETS $DATA" "200 20 10 $TINY"; do
  read -r g s k dir <<<"$size"
  [[ -f "$dir/expression.gct" && -f "$dir/sets.gmt" ]] || /usr/bin/python3 "$ROOT/bench/make_score_data.py" \
    --genes "$g" --samples "$s" --sets "$k" --seed "$SEED" --out-dir "$dir"
done
build_jar

FLAGS="$(awk '$1 == "spark.driver.extraJavaOptions" { $1 = ""; sub(/^ +/, ""); print }' "$ROOT/conf/spark-defaults.conf")"
HEAP="${DRIVER_MEMORY:-$(awk '$1 == "spark.driver.memory" { print $2 }' "$ROOT/conf/spark-defaults.conf")}"
spark=(--master "local[$CORES]")
[[ -n "$DRIVER_MEMORY" ]] && spark+=(--driver-memory "$DRIVER_MEMORY")
block=()
[[ -n "$BLOCK_MB" ]] && block=(--block-mb "$BLOCK_MB")

# heap GC_LOG: the most heap in use (before a collection, or at exit) and the most committed, in MB
heap() {
  python3 - "$1" <<'EOF'
import re, sys
used = committed = 0
for line in open(sys.argv[1]):
    for before, _, total in re.findall(r"(\d+)M->(\d+)M\((\d+)M\)", line):
        used, committed = max(used, int(before)), max(committed, int(total))
    m = re.search(r"total (\d+)K, used (\d+)K", line)
    if m:
        committed, used = max(committed, int(m.group(1)) // 1024), max(used, int(m.group(2)) // 1024)
print(used, committed)
EOF
}

# An untimed run first, on a tiny matrix: the launcher's first run of a command after a new jar is slow.
"$ROOT/submit/biospark" "${spark[@]}" score --method "${METHOD_LIST[0]}" --expression "$TINY/expression.gct" \
  --gene-sets "$TINY/sets.gmt" --out "$WORK/large_warmup" --overwrite >"$WORK/large_warmup.log" 2>&1 \
  || { tail -5 "$WORK/large_warmup.log" >&2; exit 1; }

echo "$GENES genes x $SAMPLES samples ($(du -m "$DATA/expression.gct" | cut -f1) MB of GCT), $SETS sets, seed $SEED;" \
  "local[$CORES], driver heap $HEAP; $(nproc) CPUs, $(lscpu | awk -F': +' '/Model name/ { print $2 }'); $RUNS run(s)"
printf '%-7s %4s %9s %8s %8s %11s %12s %15s %9s\n' method run wall_s job_s cpu_s max_rss_MB heap_used_MB \
  heap_committed_MB rows
for ((run = 1; run <= RUNS; run++)); do
  for m in "${METHOD_LIST[@]}"; do
    out="$WORK/large_$m" log="$WORK/large_$m.log" gc="$WORK/large_$m.gc.log"
    kcdf=()
    [[ "$m" == gsva ]] && kcdf=(--kcdf gaussian)
    /usr/bin/time -f '%e %M %U %S' -o "$log.time" "$ROOT/submit/biospark" "${spark[@]}" \
      --conf "spark.driver.extraJavaOptions=$FLAGS -Xlog:gc,gc+heap+exit:file=$gc" \
      score --method "$m" "${kcdf[@]}" --min-size 1 --expression "$DATA/expression.gct" --gene-sets "$DATA/sets.gmt" \
      --out "$out" --overwrite "${block[@]}" >"$log" 2>&1 || { tail -5 "$log" >&2; exit 1; }
    read -r wall rss user sys < <(tail -1 "$log.time")
    read -r used committed < <(heap "$gc")
    printf '%-7s %4d %9.2f %8.2f %8.2f %11d %12d %15d %9s\n' "$m" "$run" "$wall" \
      "$(json_field "$out/_manifest.json" seconds)" "$(echo "$user + $sys" | bc -l)" $((rss / 1024)) "$used" \
      "$committed" "$(json_field "$out/_manifest.json" counts scores 2>/dev/null || echo '?')"
  done
done
