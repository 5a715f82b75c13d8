#!/usr/bin/env bash
# Runs one JMH benchmark on two commits alternately, in one run: on a shared, noisy machine the ratio of the
# two is what can be trusted, not either absolute figure.
# Usage: bench/jmh-ab.sh REV_A REV_B BENCHMARK_REGEX [ROUNDS]   (JMH_ARGS overrides "-wi 1 -i 3 -f 1"; a
# -jvmArgsAppend there replaces the benchmark's own JVM arguments, so repeat --add-modules=jdk.incubator.vector)
# Each commit is checked out as a git worktree under target/ab/ and built with the bench profile once.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
if [ $# -lt 3 ]; then
  sed -n '2,5p' "$0" >&2
  exit 2
fi
A="$1"; B="$2"; BENCH="$3"; ROUNDS="${4:-3}"
JMH_ARGS="${JMH_ARGS:--wi 1 -i 3 -f 1}"
git worktree prune
dirs=()
for rev in "$A" "$B"; do
  sha="$(git rev-parse --short "$rev")"
  dir="$ROOT/target/ab/$sha"
  if [ ! -d "$dir" ]; then
    git worktree add --detach "$dir" "$sha" >/dev/null
  fi
  if [ ! -f "$dir/target/bench.classpath" ] || [ ! -f "$dir/target/test-classes/META-INF/BenchmarkList" ]; then
    build_bench "$dir"
  fi
  # the alignment benchmarks read target/bench-data (bench/align-kernel.sh writes it): the worktrees share this one
  if [ -d "$ROOT/target/bench-data" ] && [ ! -e "$dir/target/bench-data" ]; then
    ln -s "$ROOT/target/bench-data" "$dir/target/bench-data"
  fi
  dirs+=("$sha:$dir")
done
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${dirs[@]}"; do
    sha="${entry%%:*}"; dir="${entry#*:}"
    score="$(cd "$dir" && jmh "$BENCH" $JMH_ARGS 2>&1 | awk '/thrpt/ {for (i = 1; i < NF; i++) if ($i == "thrpt") {v = $(i + 1); if ($(i + 2) ~ /^[0-9.]+$/) v = $(i + 2)}; s = v " " $NF} END {print s}')"
    echo "round $round  $sha  $score"
  done
done
