#!/usr/bin/env bash
# Alignment kernel, one thread: biospark (JMH, AlignKernelBenchmark) against parasail_aligner -t 1 on the same
# FASTA files (AlignWorkloads) and the same schemes, in one run. Prints GCUPS per workload and mode and the ratio.
# Needs: apt-get install parasail hyperfine.
# Usage: bench/align-kernel.sh [quick|full] [WORKLOAD...]   (quick: fewer JMH iterations; workloads: reads mutated
# protein long, all by default)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
DATA="$ROOT/target/bench-data"
OUT="$ROOT/target/bench-align"
mkdir -p "$OUT"
build_bench
bench_java org.biospark.bench.AlignWorkloads "$DATA"

residues() { grep -v '^>' "$1" | tr -d '\n' | wc -c; }
cells() { echo "$(residues "$DATA/$1_queries.fa") * $(residues "$DATA/$1_targets.fa")" | bc; }

# parasail's fastest single-thread functions here: nw_scan_profile_16 (global), sw_striped_profile_sat
# (local, 8 bit with 16/32-bit recomputation). Both orientations (queries as profiles, or the targets) are timed
# and the faster kept. The long pairs' global scores leave 16 bits, so there the saturation-checked global
# functions (striped and scan, the faster kept) stand in for nw_scan_profile_16.
declare -A PARASAIL
WORKLOADS=("${@:2}"); (( ${#WORKLOADS[@]} )) || WORKLOADS=(reads mutated protein long)
for w in "${WORKLOADS[@]}"; do
  if [[ $w == protein ]]; then flags="-m blosum62 -o 11 -e 1"; else flags="-d -M 1 -X 2 -o 5 -e 2"; fi
  for mode in global local; do
    if [[ $mode == local ]]; then funcs=(sw_striped_profile_sat)
    elif [[ $w == long ]]; then funcs=(nw_striped_profile_sat nw_scan_profile_sat)
    else funcs=(nw_scan_profile_16); fi
    best=""
    for func in "${funcs[@]}"; do
    for orient in queries targets; do
      if [[ $orient == queries ]]; then db="$DATA/${w}_targets.fa"; in="$DATA/${w}_queries.fa"
      else db="$DATA/${w}_queries.fa"; in="$DATA/${w}_targets.fa"; fi
      hyperfine -N --runs 3 --warmup 1 --export-json "$OUT/parasail_${w}_${mode}_${func}_${orient}.json" \
        "sh -c 'parasail_aligner -x -t 1 $flags -a $func -f $db -g /dev/null < $in'" > /dev/null 2>&1
      t=$(json_field "$OUT/parasail_${w}_${mode}_${func}_${orient}.json" results 0 median)
      if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
    done
    done
    PARASAIL[$w.$mode]=$(echo "$(cells $w) / $best / 1000000000" | bc -l)
  done
done

ITER=(); [[ "${1:-}" == quick ]] && ITER=(-wi 1 -i 2 -w 3 -r 3)
jmh AlignKernelBenchmark -p kernel=vector,scalar -p mode=global,local \
  -p workload="$(IFS=,; echo "${WORKLOADS[*]}")" "${ITER[@]}" \
  -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1

python3 - "$OUT/jmh.json" <<PY
import json, sys
parasail = {$(for k in "${!PARASAIL[@]}"; do printf '"%s": %s, ' "$k" "${PARASAIL[$k]}"; done)}
ours = {}
for r in json.load(open(sys.argv[1])):
    p = r["params"]
    ours[(p["workload"], p["mode"], p["kernel"])] = r["secondaryMetrics"]["cells"]["score"] / 1e9
print("%-8s %-7s %14s %14s %16s %10s" % ("workload", "mode", "vector GCUPS", "scalar GCUPS", "parasail GCUPS", "ratio"))
for w in [w for w in ("reads", "mutated", "protein", "long") if w + ".global" in parasail]:
    for m in ("global", "local"):
        v, s, q = ours.get((w, m, "vector"), 0), ours.get((w, m, "scalar"), 0), parasail[w + "." + m]
        print("%-8s %-7s %14.2f %14.3f %16.2f %10.2f" % (w, m, v, s, q, v / q if q else 0))
PY
