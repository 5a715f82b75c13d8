#!/usr/bin/env bash
# The tutorial's workload (../shared/data/align/blog, or the copy under src/test/resources/golden/align/blog):
# 1,000 x 64 bp against 64 bp, global, +1/-2, gaps 5/2, end gaps penalised. Whole processes, same machine, one
# run: the scikit-bio worker pool it comes from (2 processes) against biospark local[2]. The warm-up run also
# writes the launcher's class-data sharing archive when there is none yet. Needs python3-skbio and hyperfine.
# Usage: bench/align-blog.sh [RUNS]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BLOG="$ROOT/src/test/resources/golden/align/blog"
OUT="$ROOT/target/bench-blog"
mkdir -p "$OUT"
build_jar
hyperfine -N --runs "${1:-3}" --warmup 1 --export-json "$OUT/blog.json" \
  "/usr/bin/python3 $ROOT/bench/blog_workerpool.py $BLOG/queries.fa $BLOG/ref.fa $OUT/skbio.tsv 2" \
  "$ROOT/submit/biospark --master local[2] align --queries $BLOG/queries.fa --references $BLOG/ref.fa --out $OUT/biospark --overwrite"
python3 - "$OUT/blog.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for name, x in zip(["scikit-bio worker pool, 2 processes", "biospark, local[2]"], r):
    print("%-38s %7.3f s +- %.3f" % (name, x["median"], x["stddev"] or 0))
print("biospark is %.2fx faster" % (r[0]["median"] / r[1]["median"]))
PY
