#!/usr/bin/env bash
# Runs the JMH benchmarks (src/jmh). Usage: bench/jmh.sh [JMH ARGS], e.g. bench/jmh.sh RangeSum -f 1
# Builds the bench profile first. Results: target/jmh-result.json and the console.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mvn -q -B -Pbench -DskipTests package
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  -rf json -rff target/jmh-result.json "$@"
