#!/usr/bin/env bash
# Cluster overhead and the cost of a killed executor: the same align workload (6,000 random 200-bp
# queries x 40 random 2,000-bp references, local alignment, 60 tasks) on local[2] and on a 2-worker standalone
# cluster (submit/cluster, 1 core each, secured), alternating, REPS times each; then REPS runs on the cluster in
# which one executor is killed (-9) KILL_AFTER seconds into the job. Prints medians of the whole command's time.
# Usage: bench/cluster.sh [REPS] [KILL_AFTER]   (default 3 12)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${1:-3}"
KILL_AFTER="${2:-12}"
WORK="$(mktemp -d)"
PORT=17177
trap '"$ROOT/submit/cluster" down --dir "$WORK/cluster" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

python3 - "$WORK" <<'PY'
import random, sys
rnd = random.Random(7)
with open(sys.argv[1] + "/q.fa", "w") as f:
    for i in range(6000):
        f.write(">q%d\n%s\n" % (i, "".join(rnd.choice("ACGT") for _ in range(200))))
with open(sys.argv[1] + "/r.fa", "w") as f:
    for i in range(40):
        f.write(">r%d\n%s\n" % (i, "".join(rnd.choice("ACGT") for _ in range(2000))))
PY
build_jar
"$ROOT/submit/cluster" up --dir "$WORK/cluster" --port "$PORT" --ui-port 18180 >/dev/null
workers="$(tail -n +2 "$WORK/cluster/pids" | tr '\n' ' ')"

align() { # master [env...]
  local master="$1"; shift
  env "$@" "$ROOT/submit/biospark" --master "$master" align --queries "$WORK/q.fa" --references "$WORK/r.fa" \
    --mode local --partitions 60 --out "$WORK/out" --overwrite >/dev/null 2>"$WORK/log"
}
LOCAL=() CLUSTER=() KILLED=()
for ((i = 0; i < REPS; i++)); do
  s=$(now); align "local[2]"; LOCAL+=("$(seconds_since "$s")")
  s=$(now); align "spark://127.0.0.1:$PORT" SPARK_CONF_DIR="$WORK/cluster/conf"; CLUSTER+=("$(seconds_since "$s")")
done
executors() { for w in $workers; do pgrep -P "$w" -f CoarseGrainedExecutorBackend || true; done; }
for ((i = 0; i < REPS; i++)); do
  before=" $(executors | tr '\n' ' ') "   # executors of the previous run may still be shutting down
  s=$(now)
  align "spark://127.0.0.1:$PORT" SPARK_CONF_DIR="$WORK/cluster/conf" &
  job=$!
  sleep "$KILL_AFTER"
  victim=""
  for pid in $(executors); do
    [[ "$before" == *" $pid "* ]] || { victim="$pid"; break; }
  done
  [[ -n "$victim" ]] && kill -9 "$victim"
  wait "$job"
  KILLED+=("$(seconds_since "$s")")
  rows=$(json_field "$WORK/out/_manifest.json" counts alignments)
  seen=$(cat "$WORK"/cluster/logs/worker-*.log | grep -c "exited with code 137" || true)
  echo "killed executor ${victim:-none} after ${KILL_AFTER} s: ${KILLED[-1]} s, $rows rows (expected 240000), $seen executor(s) killed so far, as the workers logged it"
done
l=$(printf '%s\n' "${LOCAL[@]}" | median)
c=$(printf '%s\n' "${CLUSTER[@]}" | median)
k=$(printf '%s\n' "${KILLED[@]}" | median)
printf 'local[2]        %8.2f s  (%s)\n' "$l" "${LOCAL[*]}"
printf 'cluster 2x1     %8.2f s  (%s)  ratio %.2f\n' "$c" "${CLUSTER[*]}" "$(echo "$c / $l" | bc -l)"
printf 'cluster, kill   %8.2f s  (%s)  lost %.2f s\n' "$k" "${KILLED[*]}" "$(echo "$k - $c" | bc -l)"
