#!/usr/bin/env bash
# What bounds the end-to-end figures on this machine (the speed-up from local[1] to local[2], align against
# parasail, gsea's rate per core): whole processes, all in one run, the runs of every round interleaved, medians
# over ROUNDS rounds (see BENCHMARKS.md, "End-to-end limits on two vCPUs").
#
#   align  1,000,000 x 150 bp against 1,500 bp, global +1/-2, gaps 5/2 (bench/make_e2e_data.py), local[1], local[2],
#          parasail_aligner -t 2 (reads as database, as in bench/align-e2e.sh), and the same job on its first read.
#   gsea   100 datasets x the example collection x 1,000 permutations (bench/make_gsea_ranks.py), local[1],
#          local[2], and the same job on one dataset; the kernel's rate by JMH in the same run
#          (PrerankedGseaBenchmark.thousandPermutations, the launcher's JVM flags).
#
# For every biospark run: wall time, user + system CPU of the process (/usr/bin/time), and the JIT compiler's time
# (-XX:+CITime, added to the launcher's flags from conf/spark-defaults.conf). The bounds it prints:
#   - a process that needs CPU seconds C cannot finish in less than C / NCPU seconds, so the speed-up from
#     local[1] to local[2] is at most T1 / (C2 / NCPU); the same bound with the compiler's time taken out of C2
#     shows what the JIT costs;
#   - gsea's job at local[1] does at least what the one-dataset job does (run with --partitions 1, so that it
#     takes the same plan: a dataset's permutations in one task, no shuffle), plus the kernel's work for the other
#     datasets: its rate per core is at most setperms / (job1 + (N - 1) / N * setperms / kernel) / kernel.
# Needs parasail. Usage: bench/e2e-limits.sh [ROUNDS] (default 3). Rebuilds the bench profile (for JMH) first.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ROUNDS="${1:-3}"
NCPU="$(nproc)"
DATA="$ROOT/target/bench-e2e"
WORK="$ROOT/target/bench-limits"
GOLDEN="$ROOT/src/test/resources/golden/geneset"
DATASETS=100
rm -rf "$WORK" && mkdir -p "$WORK/one-dataset" "$DATA"
[[ -f "$DATA/e2e_reads.fa" ]] || /usr/bin/python3 "$ROOT/bench/make_e2e_data.py" "$DATA"
/usr/bin/python3 "$ROOT/bench/make_gsea_ranks.py" "$GOLDEN/example.rnk" "$WORK/ranks" "$DATASETS"
cp "$WORK/ranks/ds000.rnk" "$WORK/one-dataset/"
head -2 "$DATA/e2e_reads.fa" > "$WORK/one_read.fa"

cd "$ROOT"
FLAGS="$(awk '$1 == "spark.driver.extraJavaOptions" { $1 = ""; sub(/^ +/, ""); print }' conf/spark-defaults.conf)"
build_bench
KERNEL="$(jmh PrerankedGseaBenchmark.thousandPermutations -wi 2 -i 3 -w 3 -r 3 -f 1 -jvmArgsAppend "-Xmx2g $FLAGS" \
  -rf json -rff "$WORK/jmh.json" > "$WORK/jmh.log" \
  && json_field "$WORK/jmh.json" 0 primaryMetric score)"
export BIOSPARK_NO_BUILD=1

# run NAME COMMAND...: one timed process; appends "NAME wall cpu jit job" to $WORK/runs
run() {
  local name="$1"; shift
  local start wall
  rm -f "$WORK/out/_manifest.json"
  start=$(now)
  /usr/bin/time -f "%U %S" -o "$WORK/time" bash -c '"$@"' run "$@" > "$WORK/stdout" 2> "$WORK/stderr" \
    || { echo "failed: $name" >&2; tail -5 "$WORK/stderr" >&2; exit 1; }
  wall=$(seconds_since "$start")
  local cpu jit job
  cpu=$(awk '{ print $1 + $2 }' "$WORK/time")
  jit=$(awk '/Total compilation time/ { print $5 }' "$WORK/stdout")
  job=$(json_field "$WORK/out/_manifest.json" seconds 2>/dev/null || echo 0)
  echo "$name $wall $cpu ${jit:-0} $job" >> "$WORK/runs"
}
biospark() { # MASTER COMMAND ARGS...
  local master="$1"; shift
  "$ROOT/submit/biospark" --master "$master" --driver-java-options "$FLAGS -XX:+CITime" "$@" --out "$WORK/out" --overwrite
}
align() { biospark "$1" align --queries "$2" --references "$DATA/e2e_reference.fa" --match 1 --mismatch -2 \
  --gap-open 5 --gap-extend 2; }
gsea() { biospark "$1" gsea --gene-sets "$GOLDEN/example.gmt" --ranks "$2" --permutations 1000 "${@:3}"; }
parasail() { parasail_aligner -x -t 2 -d -M 1 -X 2 -o 5 -e 2 -a nw_scan_profile_16 -f "$DATA/e2e_reads.fa" \
  -g /dev/null < "$DATA/e2e_reference.fa"; }
export -f biospark align gsea parasail
export ROOT FLAGS WORK DATA GOLDEN

# One run of each command first, not counted: a new jar makes the launcher write its class-data archive.
run warm align 'local[2]' "$WORK/one_read.fa"
run warm gsea 'local[2]' "$WORK/one-dataset"
rm -f "$WORK/runs"
for ((i = 0; i < ROUNDS; i++)); do
  run align1 align 'local[1]' "$DATA/e2e_reads.fa"
  run align2 align 'local[2]' "$DATA/e2e_reads.fa"
  run parasail2 parasail
  run align1_tiny align 'local[1]' "$WORK/one_read.fa"
  run align2_tiny align 'local[2]' "$WORK/one_read.fa"
  run gsea1 gsea 'local[1]' "$WORK/ranks"
  setperms=$(( $(json_field "$WORK/out/_manifest.json" counts sets_tested) * 1000 ))
  run gsea2 gsea 'local[2]' "$WORK/ranks"
  run gsea1_tiny gsea 'local[1]' "$WORK/one-dataset" --partitions 1
done

python3 - "$WORK/runs" "$NCPU" "$KERNEL" "$setperms" "$DATASETS" <<'PY'
import statistics, sys
runs, ncpu, kernel, setperms, n = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows = {}
for line in open(runs):
    name, *values = line.split()
    rows.setdefault(name, []).append([float(v) for v in values])
med = {name: [statistics.median(col) for col in zip(*values)] for name, values in rows.items()}
print("%d rounds, medians; %d CPUs" % (len(rows["align1"]), ncpu))
print("%-12s %8s %8s %8s %8s" % ("run", "wall_s", "cpu_s", "jit_s", "job_s"))
for name in ["align1", "align2", "parasail2", "align1_tiny", "align2_tiny", "gsea1", "gsea2", "gsea1_tiny"]:
    print("%-12s %8.2f %8.2f %8.2f %8.2f" % (name, *med[name]))
for job in ["align", "gsea"]:
    t1, t2 = med[job + "1"][0], med[job + "2"][0]
    c2, j2 = med[job + "2"][1], med[job + "2"][2]
    print("%s: speed-up %.2f; at most %.2f with %d CPUs (T1 / (C2 / %d)); at most %.2f if the JIT's %.1f s were free"
          % (job, t1 / t2, t1 / (c2 / ncpu), ncpu, ncpu, t1 / ((c2 - j2) / ncpu), j2))
p = med["parasail2"][0]
print("align local[2] / parasail -t 2: %.2f; at least %.2f by local[2]'s CPU, %.2f without the JIT's time"
      % (med["align2"][0] / p, med["align2"][1] / ncpu / p, (med["align2"][1] - med["align2"][2]) / ncpu / p))
kernel_s = setperms / kernel
job1, tiny = med["gsea1"][3], med["gsea1_tiny"][3]
bound = tiny + (n - 1) / n * kernel_s
print("gsea kernel (JMH, same run): %.3g set-permutations/s; %d set-permutations per run, %.2f s of kernel"
      % (kernel, setperms, kernel_s))
print("gsea local[1] rate per core: %.2f of the kernel (job %.2f s); at most %.2f (one-dataset job %.2f s + "
      "%.2f s of kernel for the other %d datasets)"
      % (setperms / job1 / kernel, job1, setperms / bound / kernel, tiny, (n - 1) / n * kernel_s, n - 1))
PY
