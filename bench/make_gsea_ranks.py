#!/usr/bin/python3
"""Seeded datasets for the gsea benchmarks (stdlib only): N copies of fgsea's example ranks, each with Gaussian
noise of sd 0.1 on the statistics (seed 1000 + dataset number), as OUT/ds000.rnk, OUT/ds001.rnk, ...; with --long,
the same datasets as one headerless CSV file OUT of (dataset, gene, score) rows, the dataset named ds000, ds001, ...
Usage: make_gsea_ranks.py EXAMPLE_RNK OUT N [--long]"""
import os
import random
import sys

source, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
long_table = sys.argv[4:] == ["--long"]
lines = [line.rstrip("\n").split("\t") for line in open(source)]
if long_table:
    table = open(out, "w")
else:
    os.makedirs(out, exist_ok=True)
for d in range(n):
    rnd = random.Random(1000 + d)
    name = "ds%03d" % d
    if long_table:
        for gene, score in lines:
            table.write("%s,%s,%.6f\n" % (name, gene, float(score) + rnd.gauss(0, 0.1)))
    else:
        with open(os.path.join(out, name + ".rnk"), "w") as f:
            for gene, score in lines:
                f.write("%s\t%.6f\n" % (gene, float(score) + rnd.gauss(0, 0.1)))
if long_table:
    table.close()
