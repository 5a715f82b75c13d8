#!/usr/bin/env bash
# align end to end, whole processes, same machine, one run (see BENCHMARKS.md):
#  1. 1,000,000 x 150 bp against 1,500 bp, global +1/-2 gaps 5/2: biospark local[2] and local[1] against
#     parasail_aligner -t 2 (nw_scan_profile_16, both orientations, the faster kept);
#  2. the same reads gzip-compressed (gzip -1): biospark local[2] against parasail_aligner -t 2 on the same .gz file;
#  3. a skewed input (200,000 x 150 bp and 20 x 10 kb): task durations of the alignment stage from the event log.
# Needs parasail and hyperfine. Usage: bench/align-e2e.sh [READS]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DATA="$ROOT/target/bench-e2e"
mkdir -p "$DATA"
[[ -f "$DATA/e2e_reads.fa" ]] || /usr/bin/python3 "$ROOT/bench/make_e2e_data.py" "$DATA" "${1:-1000000}"
build_jar
cells=$(( $(grep -v '^>' "$DATA/e2e_reads.fa" | tr -d '\n' | wc -c) * 1500 ))
echo "cells: $cells"

run_biospark() { # master
  "$ROOT/submit/biospark" --master "$1" align --queries "$DATA/e2e_reads.fa" --references "$DATA/e2e_reference.fa" \
    --out "$DATA/out" --overwrite > /dev/null 2>&1
}
export -f run_biospark
export ROOT DATA
hyperfine -N --runs 2 --export-json "$DATA/e2e.json" \
  "bash -c 'run_biospark local[2]'" "bash -c 'run_biospark local[1]'" \
  "sh -c 'parasail_aligner -x -t 2 -d -M 1 -X 2 -o 5 -e 2 -a nw_scan_profile_16 -f $DATA/e2e_reads.fa -g /dev/null < $DATA/e2e_reference.fa'" \
  "sh -c 'parasail_aligner -x -t 2 -d -M 1 -X 2 -o 5 -e 2 -a nw_scan_profile_16 -f $DATA/e2e_reference.fa -g /dev/null < $DATA/e2e_reads.fa'"
python3 - "$DATA/e2e.json" "$cells" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
cells = int(sys.argv[2])
names = ["biospark local[2]", "biospark local[1]", "parasail -t 2 (reads as database)", "parasail -t 2 (reads as queries)"]
for name, x in zip(names, r):
    print("%-36s %8.2f s  %6.2f GCUPS" % (name, x["median"], cells / x["median"] / 1e9))
best_parasail = min(r[2]["median"], r[3]["median"])
print("biospark local[2] / parasail -t 2: %.2f" % (r[0]["median"] / best_parasail))
print("local[1] / local[2] speed-up: %.2f" % (r[1]["median"] / r[0]["median"]))
PY

[[ -f "$DATA/e2e_reads.fa.gz" ]] || gzip -1 -c "$DATA/e2e_reads.fa" > "$DATA/e2e_reads.fa.gz"
run_biospark_gzip() {
  "$ROOT/submit/biospark" --master 'local[2]' align --queries "$DATA/e2e_reads.fa.gz" \
    --references "$DATA/e2e_reference.fa" --out "$DATA/out-gz" --overwrite > /dev/null 2>&1
}
export -f run_biospark_gzip
hyperfine -N --runs 2 --export-json "$DATA/e2e-gz.json" "bash -c run_biospark_gzip" \
  "sh -c 'parasail_aligner -x -t 2 -d -M 1 -X 2 -o 5 -e 2 -a nw_scan_profile_16 -f $DATA/e2e_reads.fa.gz -g /dev/null < $DATA/e2e_reference.fa'"
python3 - "$DATA/e2e-gz.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("gzip input: biospark local[2] %.2f s, parasail -t 2 %.2f s, ratio %.2f"
      % (r[0]["median"], r[1]["median"], r[0]["median"] / r[1]["median"]))
PY

rm -rf "$DATA/events" && mkdir -p "$DATA/events"
"$ROOT/submit/biospark" --master 'local[2]' --conf spark.eventLog.enabled=true --conf spark.eventLog.compress=false --conf "spark.eventLog.dir=file://$DATA/events" \
  align --queries "$DATA/skew_reads.fa" --references "$DATA/e2e_reference.fa" --out "$DATA/skew" --overwrite > /dev/null 2>&1
python3 - "$DATA/events" <<'PY'
import glob, json, statistics, sys
import os
events = [json.loads(l) for f in glob.glob(sys.argv[1] + "/**/*", recursive=True) if os.path.isfile(f) for l in open(f)]
stages = {}
for e in events:
    if e.get("Event") == "SparkListenerTaskEnd":
        info = e["Task Info"]
        stages.setdefault(e["Stage ID"], []).append((info["Finish Time"] - info["Launch Time"]) / 1000)
stage, times = max(stages.items(), key=lambda kv: sum(kv[1]))
print("skewed input, alignment stage %d: %d tasks, median %.2f s, slowest %.2f s, slowest/median %.2f"
      % (stage, len(times), statistics.median(times), max(times), max(times) / statistics.median(times)))
PY
