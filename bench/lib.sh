# Helpers shared by the scripts in bench/. Each script sources it after its `set -euo pipefail`:
#   . "$(dirname "$0")/lib.sh"
# It sets ROOT, the project's top directory, and defines the functions below; it runs nothing.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# build_jar: the application jar and the stand-in Spark home, built the way the launcher builds them (when missing
# or older than the sources; BIOSPARK_NO_BUILD=1 forbids it), then never again during the runs, so that every run
# times the same build and none of them pays for a build.
build_jar() {
  "$ROOT/submit/biospark" --version >/dev/null
  export BIOSPARK_NO_BUILD=1
}

# build_bench [DIR]: the bench profile in DIR (default ROOT): the jar, the JMH benchmarks and target/bench.classpath.
# Maven rebuilds only what is older than the sources. As with the launcher, BIOSPARK_NO_BUILD=1 uses the build as it
# is and fails only when it is missing.
build_bench() {
  local dir="${1:-$ROOT}"
  if [[ "${BIOSPARK_NO_BUILD:-}" == 1 ]]; then
    [[ -f "$dir/target/bench.classpath" ]] && return 0
    echo "bench: the bench build is missing and BIOSPARK_NO_BUILD=1; run 'mvn -Pbench -DskipTests package' in $dir" >&2
    exit 1
  fi
  (cd "$dir" && mvn -q -B -Pbench -DskipTests package)
}

# bench_java ARGS...: java on the bench build of the current directory (classes, test classes and their classpath).
bench_java() { java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@"; }

# jmh ARGS...: JMH's runner on the bench build of the current directory.
jmh() { bench_java org.openjdk.jmh.Main "$@"; }

# median: the median of the numbers on stdin, one per line (the mean of the middle two for an even count).
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# now: the wall clock in seconds, with nanoseconds; seconds_since START: the seconds elapsed since a value of now.
now() { date +%s.%N; }
seconds_since() { echo "$(date +%s.%N) - $1" | bc -l; }

# json_field FILE KEY...: prints the value at that path of a JSON file (a key indexes a list when the value is one).
json_field() {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2:]:
    v = v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$@"
}
