#!/usr/bin/env bash
# align from a Parquet table of reads against the same reads as FASTA, whole processes, same machine, alternating:
# the 1,000,000 x 150 bp reads of bench/align-e2e.sh against its 1,500 bp reference, local[2], REPS runs each.
# Prints the medians of the job (manifest) and the process, and the ratio table / FASTA.
# Usage: bench/align-table.sh [REPS]   (default 3)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${1:-3}"
DATA="$ROOT/target/bench-e2e"
mkdir -p "$DATA"
[[ -f "$DATA/e2e_reads.fa" ]] || /usr/bin/python3 "$ROOT/bench/make_e2e_data.py" "$DATA" 1000000
build_jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

align() { # queries out [options]
  local queries="$1" out="$2"
  shift 2
  "$ROOT/submit/biospark" --master "local[2]" align --queries "$queries" --references "$DATA/e2e_reference.fa" \
    --out "$out" --overwrite "$@" > /dev/null 2> "$WORK/log" || { cat "$WORK/log" >&2; exit 1; }
}

# the same reads as a Parquet table (id, sequence), written by biospark's own sql command
/usr/bin/python3 - "$DATA/e2e_reads.fa" "$WORK/reads.csv" <<'PY'
import sys
with open(sys.argv[1]) as fa, open(sys.argv[2], "w") as out:
    out.write("id,sequence\n")
    name = None
    for line in fa:
        line = line.strip()
        if line.startswith(">"):
            name = line[1:].split()[0]
        elif line:
            out.write(name + "," + line + "\n")
PY
# a warm-up run: the first run after a new jar writes the launcher's class-data archive
align "$DATA/e2e_reads.fa" "$WORK/fasta"
"$ROOT/submit/biospark" sql --format parquet --out "$WORK/reads.parquet" \
  "SELECT _c0 AS id, _c1 AS sequence FROM csv.\`$WORK/reads.csv\` WHERE _c0 <> 'id'" > /dev/null

declare -A JOB PROCESS
for ((i = 0; i < REPS; i++)); do
  for input in fasta table; do
    queries="$DATA/e2e_reads.fa"
    [[ $input == table ]] && queries="$WORK/reads.parquet"
    start=$(now)
    align "$queries" "$WORK/out-$input"
    PROCESS[$input]+="$(seconds_since "$start") "
    JOB[$input]+="$(json_field "$WORK/out-$input/_manifest.json" seconds) "
  done
done
rows_fasta=$(json_field "$WORK/out-fasta/_manifest.json" counts alignments)
rows_table=$(json_field "$WORK/out-table/_manifest.json" counts alignments)
[[ "$rows_fasta" == "$rows_table" ]] || { echo "different row counts: $rows_fasta $rows_table" >&2; exit 1; }
printf '%-8s %10s %10s\n' input job_s process_s
for input in fasta table; do
  printf '%-8s %10.2f %10.2f\n' "$input" "$(tr ' ' '\n' <<<"${JOB[$input]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${PROCESS[$input]}" | grep . | median)"
done
echo "all job_s: fasta ${JOB[fasta]}; table ${JOB[table]}; all process_s: fasta ${PROCESS[fasta]}; table ${PROCESS[table]}"
