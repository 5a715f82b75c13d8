#!/usr/bin/python3
"""Seeded datasets for the gsea benchmarks (stdlib only): N copies of fgsea's example ranks, each with Gaussian
noise of sd 0.1 on the statistics (seed 1000 + dataset number), as OUT/ds000.rnk, OUT/ds001.rnk, ...
Usage: make_gsea_ranks.py EXAMPLE_RNK OUT N"""
import os
import random
import sys

source, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
lines = [line.rstrip("\n").split("\t") for line in open(source)]
for d in range(n):
    rnd = random.Random(1000 + d)
    with open(os.path.join(out, "ds%03d.rnk" % d), "w") as f:
        for gene, score in lines:
            f.write("%s\t%.6f\n" % (gene, float(score) + rnd.gauss(0, 0.1)))
