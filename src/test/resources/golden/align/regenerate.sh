#!/usr/bin/env bash
# Regenerates the alignment golden files in this directory from the reference tools.
#   apt-get install parasail emboss      (parasail 2.6, EMBOSS 6.6 on Debian 12)
#   bash src/test/resources/golden/align/regenerate.sh
# Sequences: make_sequences.py (seeded). Scores: one TSV per set, scheme, mode and tool, with the columns
# query, target, score. The exact commands are echoed into COMMANDS.txt as they run.
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 make_sequences.py .
: > COMMANDS.txt
log() { echo "$*" >> COMMANDS.txt; }

# parasail: queries on stdin, targets with -f; CSV: query index, target index, lengths, score, ends.
parasail() { # out set flags func
  local out="$1" set="$2" flags="$3" func="$4"
  local cmd="parasail_aligner -x -t 1 $flags -a $func -f ${set}_targets.fa -g /tmp/parasail.csv < ${set}_queries.fa"
  log "$cmd"
  eval "$cmd" > /dev/null
  /usr/bin/python3 - "$set" /tmp/parasail.csv > "$out" <<'PY'
import sys
def names(path):
    return [l[1:].split()[0] for l in open(path) if l.startswith(">")]
s, csv = sys.argv[1], sys.argv[2]
q, t = names(s + "_queries.fa"), names(s + "_targets.fa")
print("query\ttarget\tscore")
for line in open(csv):
    f = line.strip().split(",")
    print("%s\t%s\t%s" % (q[int(f[0])], t[int(f[1])], f[4]))
PY
}

# EMBOSS: each target as -asequence against all queries; "-aformat score" lines: a b length (score).
emboss() { # out set program args
  local out="$1" set="$2" program="$3" args="$4"
  echo -e "query\ttarget\tscore" > "$out"
  /usr/bin/python3 -c "
import sys
name=None
for l in open('${set}_targets.fa'):
    if l.startswith('>'):
        name=l[1:].split()[0]; out=open('/tmp/emboss_t_'+name+'.fa','w')
    out.write(l)
" 
  local t
  for t in $(grep '^>' "${set}_targets.fa" | cut -c2- | cut -d' ' -f1); do
    local cmd="$program -asequence /tmp/emboss_t_$t.fa -bsequence ${set}_queries.fa $args -aformat score -outfile stdout -auto"
    log "$cmd"
    eval "$cmd" | awk -v OFS='\t' '!/^#/ && NF == 4 { gsub(/[()]/, "", $4); sub(/\.0+$/, "", $4); print $2, $1, $4 }' >> "$out"
  done
}

# DNA, match +1 mismatch -2, gaps 5/2 (the blog workload's scheme)
parasail dna_m1x2_global_parasail.tsv dna "-d -M 1 -X 2 -o 5 -e 2" nw_striped_32
parasail dna_m1x2_semiglobal_parasail.tsv dna "-d -M 1 -X 2 -o 5 -e 2" sg_striped_32
parasail dna_m1x2_local_parasail.tsv dna "-d -M 1 -X 2 -o 5 -e 2" sw_striped_32
# NUC.4.4 with IUPAC codes, gaps 10/1
parasail dna_iupac_nuc44_global_parasail.tsv dna_iupac "-m nuc44 -o 10 -e 1" nw_striped_32
parasail dna_iupac_nuc44_semiglobal_parasail.tsv dna_iupac "-m nuc44 -o 10 -e 1" sg_striped_32
parasail dna_iupac_nuc44_local_parasail.tsv dna_iupac "-m nuc44 -o 10 -e 1" sw_striped_32
# protein, BLOSUM62, gaps 11/1
parasail protein_blosum62_global_parasail.tsv protein "-m blosum62 -o 11 -e 1" nw_striped_32
parasail protein_blosum62_semiglobal_parasail.tsv protein "-m blosum62 -o 11 -e 1" sg_striped_32
parasail protein_blosum62_local_parasail.tsv protein "-m blosum62 -o 11 -e 1" sw_striped_32

# EMBOSS on the IUPAC set (pairs up to 1.6 kb): needle with end gaps penalised, needle's default, water.
emboss dna_iupac_nuc44_global_needle.tsv dna_iupac needle "-snucleotide1 -snucleotide2 -datafile EDNAFULL -gapopen 10 -gapextend 1 -endweight -endopen 10 -endextend 1"
emboss dna_iupac_nuc44_semiglobal_needle.tsv dna_iupac needle "-snucleotide1 -snucleotide2 -datafile EDNAFULL -gapopen 10 -gapextend 1"
emboss dna_iupac_nuc44_local_water.tsv dna_iupac water "-snucleotide1 -snucleotide2 -datafile EDNAFULL -gapopen 10 -gapextend 1"
emboss protein_blosum62_global_needle.tsv protein needle "-sprotein1 -sprotein2 -datafile EBLOSUM62 -gapopen 11 -gapextend 1 -endweight -endopen 11 -endextend 1"
emboss protein_blosum62_local_water.tsv protein water "-sprotein1 -sprotein2 -datafile EBLOSUM62 -gapopen 11 -gapextend 1"
rm -f /tmp/emboss_t_*.fa /tmp/parasail.csv
