#!/usr/bin/env python3
"""Writes the seeded test sequences for the alignment golden files (stdlib only, deterministic).

dna_targets.fa / dna_queries.fa: DNA with lengths from 1 to 10,000, random and mutated copies of target segments
(substitutions, insertions, deletions), a few IUPAC codes (N, R, Y, ...) in the *_iupac files only.
protein_targets.fa / protein_queries.fa: proteins with lengths from 1 to 1,500, random and mutated copies.
"""
import random
import sys

DNA = "ACGT"
IUPAC = "NRYKMSWBDHV"
PROTEIN = "ARNDCQEGHILKMFPSTWYV"


def random_seq(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def mutate(rng, template, alphabet, rate):
    out = []
    for c in template:
        r = rng.random()
        if r < rate / 3:
            continue  # deletion
        if r < 2 * rate / 3:
            out.append(rng.choice(alphabet))  # substitution
        else:
            out.append(c)
        if rng.random() < rate / 3:
            out.append(random_seq(rng, alphabet, rng.randint(1, 6)))  # insertion
    return "".join(out) or template[:1]


def with_iupac(rng, seq, count):
    s = list(seq)
    for _ in range(count):
        s[rng.randrange(len(s))] = rng.choice(IUPAC)
    return "".join(s)


def write(path, records):
    with open(path, "w") as f:
        for name, seq in records:
            f.write(">%s\n" % name)
            for i in range(0, len(seq), 70):
                f.write(seq[i:i + 70] + "\n")


def queries_for(rng, targets, alphabet, lengths):
    queries = []
    for k, n in enumerate(lengths):
        if k % 2 == 0 or n < 8:
            queries.append(("q%02d_random_%d" % (k, n), random_seq(rng, alphabet, n)))
        else:
            t = max(targets, key=lambda s: len(s))
            start = rng.randrange(max(1, len(t) - n))
            segment = t[start:start + n]
            queries.append(("q%02d_related_%d" % (k, n), mutate(rng, segment, alphabet, 0.15)))
    return queries


def main(out):
    rng = random.Random(20261122)
    dna_targets = [("t_dna_1", "G"), ("t_dna_700", random_seq(rng, DNA, 700)),
                   ("t_dna_10000", random_seq(rng, DNA, 10000))]
    dna_lengths = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 150, 150, 150, 233, 377, 610, 700, 987, 1597, 2584, 4181, 10000]
    dna_queries = queries_for(rng, [s for _, s in dna_targets], DNA, dna_lengths)
    write(out + "/dna_targets.fa", dna_targets)
    write(out + "/dna_queries.fa", dna_queries)
    write(out + "/dna_iupac_targets.fa", [(n, with_iupac(rng, s, max(1, len(s) // 200)) if len(s) > 1 else "N")
                                          for n, s in dna_targets[1:2] + [("t_dna_1", "A")]])
    write(out + "/dna_iupac_queries.fa", [(n, with_iupac(rng, s, max(1, len(s) // 100)))
                                          for n, s in dna_queries if len(s) <= 1597])

    protein_targets = [("t_prot_1", "W"), ("t_prot_375", random_seq(rng, PROTEIN, 375)),
                       ("t_prot_1200", random_seq(rng, PROTEIN, 1200))]
    protein_lengths = [1, 2, 5, 13, 34, 89, 233, 375, 375, 610, 987, 1500]
    write(out + "/protein_targets.fa", protein_targets)
    write(out + "/protein_queries.fa", queries_for(rng, [s for _, s in protein_targets], PROTEIN, protein_lengths))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
