#!/usr/bin/env bash
# Runs the JMH benchmarks (src/jmh). Usage: bench/jmh.sh [JMH ARGS], e.g. bench/jmh.sh RangeSum -f 1
# Builds the bench profile first. Results: target/jmh-result.json and the console.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
build_bench
jmh -rf json -rff target/jmh-result.json "$@"
