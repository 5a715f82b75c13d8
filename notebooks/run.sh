#!/usr/bin/env bash
# Runs every notebook in notebooks/ headless with the Java kernel, failing on any cell error.
#   notebooks/run.sh [NOTEBOOK.ipynb...]   (all of notebooks/ by default; needs Jupyter: apt-get install jupyter-notebook jupyter-nbconvert jupyter-client
#                                python3-nbclient python3-ipykernel)
# Installs the kernel (io.github.padreati:rapaio-jupyter-kernel, from Maven Central) as a kernelspec under
# target/jupyter (not in the user's home), with the JVM options Spark needs; the notebooks add biospark's jars with
# the kernel's %jar magic. Executed copies go to target/notebooks/, with each try's log.
# The kernel's channel threads can lose a start-up race (its LoopThread sets its running flag after Thread.start, so a
# thread scheduled at once sees false and ends): a kernel whose shell thread ended never answers. That is common on
# busy cores, and a live kernel answers within seconds, so one that has not answered in 20 s is started again.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JUPYTER=/usr/bin/jupyter     # Debian's, not a pyenv python3 that may be first on the PATH
KERNEL_VERSION=3.0.1
export JUPYTER_PATH="$ROOT/target/jupyter" JUPYTER_DATA_DIR="$ROOT/target/jupyter"

[[ -x "$JUPYTER" ]] || { echo "notebooks: Jupyter is not installed ($JUPYTER)" >&2; exit 2; }
"$ROOT/submit/biospark" --version >/dev/null   # builds the application jar and target/spark-home if needed

kernel_dir="$JUPYTER_DATA_DIR/kernels/biospark-java"
jar="$ROOT/target/notebook-kernel/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$ROOT" && mvn -q -B dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" \
    -DoutputDirectory="$ROOT/target/notebook-kernel")
fi
mkdir -p "$kernel_dir"
jvm_options="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$ROOT/pom.xml")"
/usr/bin/python3 - "$kernel_dir/kernel.json" "$jar" "$jvm_options" <<'PY'
import json, sys
path, jar, options = sys.argv[1:]
json.dump({
    "argv": ["java"] + options.split() + ["-Xmx3g", "-Djava.awt.headless=true", "-jar", jar, "{connection_file}"],
    "display_name": "Java (biospark)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": "mima_cache"},
}, open(path, "w"), indent=2)
PY

mkdir -p "$ROOT/target/notebooks"
failed=0
if (( $# )); then notebooks=("$@"); else notebooks=("$ROOT"/notebooks/*.ipynb); fi
for notebook in "${notebooks[@]}"; do
  notebook="$(realpath "$notebook")"
  name="$(basename "$notebook")"
  ok=0
  for attempt in 1 2 3 4 5 6; do
    if (cd "$ROOT/notebooks" && BIOSPARK_ROOT="$ROOT" timeout 900 "$JUPYTER" nbconvert --to notebook --execute \
          --ExecutePreprocessor.kernel_name=biospark-java --ExecutePreprocessor.timeout=600 \
          --ExecutePreprocessor.startup_timeout=20 --output-dir "$ROOT/target/notebooks" "$notebook" \
          > "$ROOT/target/notebooks/$name.try$attempt.log" 2>&1); then
      ok=1
      break
    fi
    cp "$ROOT/target/notebooks/$name.try$attempt.log" "$ROOT/target/notebooks/$name.log"
    if ! grep -q "Kernel didn't respond in\|Kernel died before replying" "$ROOT/target/notebooks/$name.log"; then
      break   # a cell failed: no point in trying again
    fi
    echo "notebooks: $name: the kernel did not start (try $attempt), again" >&2
  done
  if [[ $ok == 1 ]]; then
    echo "notebooks: $name ok"
  else
    echo "notebooks: $name FAILED; see target/notebooks/$name.log" >&2
    tail -20 "$ROOT/target/notebooks/$name.log" >&2
    failed=1
  fi
done
exit $failed
