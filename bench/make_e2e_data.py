#!/usr/bin/python3
"""Seeded inputs for bench/align-e2e.sh (stdlib only):
e2e_reads.fa    1,000,000 random 150-bp reads       e2e_reference.fa  a random 1,500-bp reference
skew_reads.fa   200,000 random 150-bp reads and 20 random 10-kb ones, shuffled together
Usage: make_e2e_data.py DIR [READS]"""
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(2026)


def seq(length):
    return "".join(rng.choices("ACGT", k=length))


with open(out + "/e2e_reference.fa", "w") as f:
    f.write(">reference\n" + seq(1500) + "\n")
with open(out + "/e2e_reads.fa", "w") as f:
    for i in range(n):
        f.write(">r%d\n%s\n" % (i, seq(150)))
skew = [("s%d" % i, seq(150)) for i in range(200_000)] + [("long%d" % i, seq(10_000)) for i in range(20)]
rng.shuffle(skew)
with open(out + "/skew_reads.fa", "w") as f:
    for name, s in skew:
        f.write(">%s\n%s\n" % (name, s))
