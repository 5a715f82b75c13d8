#!/usr/bin/env bash
# GSVA's Gaussian kernel density, the kernel against the reference's, in one run on this machine: R's GSVA 1.46 C
# code (bench/density_r.R: compute.gene.density on GENES seeded genes x 1,000 samples, one core) and biospark's pair
# kernel (JMH, SingleSampleBenchmark.gaussianDensityOfOneGene: one gene x 1,000 samples, one thread), in genes per
# second; biospark under JMH's JIT defaults with the scalar kernel and with the Vector API one, and scalar under the
# launcher's JIT flags (conf/spark-defaults.conf), as a score job runs it.
# Needs R with GSVA (Debian's r-bioc-gsva).
# Usage: bench/density.sh [--genes 500] [--seed 26]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
GENES=500
SEED=26
while [[ $# -gt 0 ]]; do
  case "$1" in
    --genes) GENES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
command -v Rscript >/dev/null || { echo "bench: needs R with GSVA (apt-get install r-bioc-gsva)" >&2; exit 2; }
r="$(Rscript bench/density_r.R "$GENES" 1000 "$SEED" | sed -n 's/^genes\/s //p')"
build_bench
kernel() { # JVM options: genes per second (-jvmArgsAppend replaces the benchmark's own: the module and heap again)
  jmh SingleSampleBenchmark.gaussianDensityOfOneGene -jvmArgsAppend "--add-modules=jdk.incubator.vector -Xmx2g $1" \
    -rf json -rff "$ROOT/target/jmh-density.json" \
    | sed -n 's/^SingleSampleBenchmark.gaussianDensityOfOneGene *thrpt *[0-9]* *\([0-9.]*\).*/\1/p'
}
scalar="$(kernel -Dbiospark.geneset.vector=false)"
vector="$(kernel -Dbiospark.geneset.vector=true)"
jit="$(sed -n 's/^spark\.driver\.extraJavaOptions[[:space:]]*//p' conf/spark-defaults.conf)"
launcher="$(kernel "-Dbiospark.geneset.vector=false $jit")"
printf '%-28s %12s\n' "kernel" "genes/s"
printf '%-28s %12s\n' "R GSVA C (one core)" "$r"
printf '%-28s %12s  %sx\n' "biospark pair, scalar" "$scalar" "$(echo "$scalar / $r" | bc -l | xargs printf '%.2f')"
printf '%-28s %12s  %sx\n' "biospark pair, Vector API" "$vector" "$(echo "$vector / $r" | bc -l | xargs printf '%.2f')"
printf '%-28s %12s  %sx\n' "biospark pair, launcher JIT" "$launcher" "$(echo "$launcher / $r" | bc -l | xargs printf '%.2f')"
