#!/usr/bin/python3
"""Makes yeast_reads.fq.gz from yeast_orfs.fa, deterministically (seed 7): the sample of the alignment notebook.

    cd src/main/resources/org/biospark/samples && /usr/bin/python3 make_yeast_reads.py

- 500 reads of 100 to 150 bp drawn from the seven ORFs (an ORF chosen in proportion to its length, a uniform start,
  either strand), with 1% substitutions and 0.2% single-base insertions and deletions per base;
- 100 unrelated uniform random reads of the same lengths;
- 2 bad records, which biospark must reject: one with a residue that is no IUPAC code, one with a quality string
  shorter than its sequence.
Read ids say where a read comes from: read0001|YAL003W|1234|+ (0-based start on the ORF's given strand, then the
strand the read was taken from), read0501|random, read0601|bad.
"""
import gzip
import random

rng = random.Random(7)


def read_fasta(path):
    records, name, parts = [], None, []
    for line in open(path):
        line = line.strip()
        if line.startswith(">"):
            if name:
                records.append((name, "".join(parts).upper()))
            name, parts = line[1:].split()[0], []
        elif line:
            parts.append(line)
    records.append((name, "".join(parts).upper()))
    return records


COMPLEMENT = str.maketrans("ACGTN", "TGCAN")


def mutate(seq):
    out, quals = [], []
    for base in seq:
        roll = rng.random()
        if roll < 0.002:                      # deletion
            continue
        if roll < 0.004:                      # insertion before this base
            out.append(rng.choice("ACGT"))
            quals.append(rng.randint(12, 25))
        if rng.random() < 0.01:               # substitution
            out.append(rng.choice([b for b in "ACGT" if b != base]))
            quals.append(rng.randint(8, 20))
        else:
            out.append(base)
            quals.append(rng.randint(28, 40))
    return "".join(out), "".join(chr(33 + q) for q in quals)


orfs = read_fasta("yeast_orfs.fa")
weights = [len(seq) for _, seq in orfs]
records = []
for i in range(500):
    name, seq = rng.choices(orfs, weights=weights)[0]
    length = rng.randint(100, 150)
    start = rng.randrange(len(seq) - length)
    fragment = seq[start:start + length]
    strand = rng.choice("+-")
    if strand == "-":
        fragment = fragment.translate(COMPLEMENT)[::-1]
    read, quals = mutate(fragment)
    records.append((f"read{i + 1:04d}|{name}|{start}|{strand}", read, quals))
for i in range(500, 600):
    length = rng.randint(100, 150)
    read = "".join(rng.choice("ACGT") for _ in range(length))
    records.append((f"read{i + 1:04d}|random", read, "".join(chr(33 + rng.randint(28, 40)) for _ in read)))
records.append(("read0601|bad", "ACGTACGTJACGTACGT", "I" * 17))
records.append(("read0602|bad", "ACGTACGTACGTACGT", "I" * 10))

with open("yeast_reads.fq.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
    for name, read, quals in records:
        out.write(f"@{name}\n{read}\n+\n{quals}\n".encode())
