#!/usr/bin/env bash
# The report of a large gsea run: N seeded signatures (fgsea's example ranks with noise, as bench/make_gsea_ranks.py
# makes them) against the example collection, 1,000 permutations; then the time to write the report, its size, and
# the time Chromium takes to open its front page and one dataset page headless (each less Chromium's own start on
# an empty page). Usage: bench/report-large.sh [signatures] [repeats]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
N="${1:-1000}"
REPS="${2:-3}"
GOLDEN="$ROOT/src/test/resources/golden/geneset"
WORK="$ROOT/target/bench-report"
mkdir -p "$WORK"
command -v chromium >/dev/null || { echo "bench: needs Debian's chromium" >&2; exit 1; }
build_jar
[[ -f "$WORK/ranks_$N.csv" ]] || /usr/bin/python3 "$ROOT/bench/make_gsea_ranks.py" "$GOLDEN/example.rnk" \
  "$WORK/ranks_$N.csv" "$N" --long
[[ -d "$WORK/ranks_$N.parquet" ]] || "$ROOT/submit/biospark" sql --format parquet --out "$WORK/ranks_$N.parquet" \
  "SELECT _c0 AS dataset, _c1 AS gene, CAST(_c2 AS DOUBLE) AS score FROM csv.\`$WORK/ranks_$N.csv\`" \
  >/dev/null 2>"$WORK/sql.log"
if [[ ! -f "$WORK/run_$N/_manifest.json" ]]; then
  "$ROOT/submit/biospark" --master "local[2]" gsea --gene-sets "$GOLDEN/example.gmt" --ranks "$WORK/ranks_$N.parquet" \
    --permutations 1000 --out "$WORK/run_$N" --overwrite >/dev/null 2>"$WORK/gsea.log" \
    || { tail -5 "$WORK/gsea.log" >&2; exit 1; }
fi

open_page() { # seconds for Chromium to load a page and run its script, as --dump-dom waits for it
  local profile start
  profile="$(mktemp -d)"
  start=$(now)
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --dump-dom "$1" >/dev/null 2>&1
  seconds_since "$start"
  rm -rf "$profile"
}

writes=() fronts=() pages=() blanks=()
for ((r = 0; r < REPS; r++)); do
  start=$(now)
  "$ROOT/submit/biospark" report --results "$WORK/run_$N" --out "$WORK/report" --overwrite >"$WORK/report.log" 2>&1 \
    || { tail -5 "$WORK/report.log" >&2; exit 1; }
  writes+=("$(seconds_since "$start")")
  page="$(ls "$WORK/report/datasets/"*.html | head -1)"
  blanks+=("$(open_page about:blank)")
  fronts+=("$(open_page "file://$WORK/report/index.html")")
  pages+=("$(open_page "file://$page")")
done
printf 'signatures %s: report written in %s s (median of %s), %s bytes in %s files (index.html %s bytes)\n' "$N" \
  "$(printf '%s\n' "${writes[@]}" | median)" "$REPS" "$(du -sb "$WORK/report" | cut -f1)" \
  "$(find "$WORK/report" -type f | wc -l)" "$(stat -c %s "$WORK/report/index.html")"
printf 'chromium: empty page %s s; front page %s s; a dataset page %s s (medians)\n' \
  "$(printf '%s\n' "${blanks[@]}" | median)" "$(printf '%s\n' "${fronts[@]}" | median)" \
  "$(printf '%s\n' "${pages[@]}" | median)"
