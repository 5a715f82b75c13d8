#!/usr/bin/python3
"""Seeded inputs for the single-sample scoring benchmarks (bench/score-gsva.sh, bench/score-large.sh), stdlib only:
OUT_DIR/expression.gct  GENES x SAMPLES, GCT 1.2 (NAME, Description, one column per sample), log2-scale values
                        with DIGITS decimals: each gene normal with its own mean and sd (so log-normal in linear
                        scale), drawn through a table of 65,536 normal quantiles;
OUT_DIR/sets.gmt        SETS gene sets of 10 to 500 genes (sizes evenly spread in log scale, at most half the genes),
                        each a seeded sample of the genes. One set in ten (at least one) is shifted: in a seeded
                        subgroup of 30% of the samples its genes are 1 to 2 of their sd higher (_UP) or lower
                        (_DOWN), so that scores are not pure noise.
Each gene draws from its own generator (seeded by SEED and its row), so the output does not depend on --jobs. The
files are written under temporary names and renamed when complete. Only the standard library (Python 3.9 or newer):
Debian's /usr/bin/python3 has no numpy, and the files depend on the arguments alone, not on what is installed.
Usage: make_score_data.py [--genes 20000] [--samples 1000] [--sets 50] [--seed 1] [--digits 4] [--jobs 1] --out-dir DIR
"""
import argparse
import array
import math
import multiprocessing
import os
import random
import statistics
import sys
import time

START = time.time()
QUANTILES = 1 << 16  # the normal table: a gene's value is one of its entries, picked by 2 random bytes
SD_LEVELS = [0.15 * 1.05 ** j for j in range(48)]  # per-gene sd (log2 units), 0.15 to about 1.5
SUBGROUP = 0.3  # the shifted sets' share of the samples
SPREAD = 8.0  # the genes' means are spread over this many log2 units

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--genes", type=int, default=20000)
parser.add_argument("--samples", type=int, default=1000)
parser.add_argument("--sets", type=int, default=50)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--digits", type=int, default=4, choices=range(1, 5), help="decimals of the values")
parser.add_argument("--jobs", type=int, default=1, help="worker processes writing the matrix")
parser.add_argument("--out-dir", required=True)
args = parser.parse_args()
if args.genes < 2 or args.samples < 1 or args.sets < 1:
    parser.error("needs at least 2 genes, 1 sample and 1 set")

SCALE = 10 ** args.digits
width = len(str(args.genes))
genes = ["G%0*d" % (width, g + 1) for g in range(args.genes)]
samples = ["S%0*d" % (len(str(args.samples)), s + 1) for s in range(args.samples)]

# The gene sets, and the shifts of the shifted ones: gene row -> [(sample indices, effect in sd units)].
set_rng = random.Random("%d:sets" % args.seed)
largest = max(1, min(500, args.genes // 2))
smallest = min(10, largest)
sets = []
shifts = {}
shifted = set(range(0, args.sets, 10))
for i in range(args.sets):
    t = i / (args.sets - 1) if args.sets > 1 else 0.0
    size = round(math.exp(math.log(smallest) + t * (math.log(largest) - math.log(smallest))))
    members = set_rng.sample(range(args.genes), size)
    name = "SET%03d_%d" % (i + 1, size)
    if i in shifted:
        up = (i // 10) % 2 == 0
        name += "_UP" if up else "_DOWN"
        group = sorted(set_rng.sample(range(args.samples), max(1, round(SUBGROUP * args.samples))))
        effect = set_rng.uniform(1.0, 2.0) * (1 if up else -1)
        for g in members:
            shifts.setdefault(g, []).append((group, effect))
    sets.append((name, members))
max_effect = max([sum(abs(e) for _, e in s) for s in shifts.values()] or [0.0])

# The normal quantiles, and per sd level the offsets (in units of 10^-digits) from the table's lowest entry.
normal = statistics.NormalDist()
z = [normal.inv_cdf((q + 0.5) / QUANTILES) for q in range(QUANTILES)]
z_top = z[-1]
offsets = []
for sd in SD_LEVELS:
    o = [round(sd * SCALE * v) for v in z]
    offsets.append((o[0], array.array("i", [v - o[0] for v in o])))  # an array: compact, so lookups stay in cache
# Every value the matrix can hold, formatted once. A gene's mean is at least its margin, so its values are positive.
top = math.ceil(2 * (z_top + max_effect + 0.5) * SD_LEVELS[-1] + SPREAD) + 1
text = ["%.*f" % (args.digits, k / SCALE) for k in range(top * SCALE)]


def gene_line(g):
    rng = random.Random("%d:%d" % (args.seed, g))
    level = rng.randrange(len(SD_LEVELS))
    sd = SD_LEVELS[level]
    effects = shifts.get(g, [])
    mean = (z_top + sum(abs(e) for _, e in effects) + 0.5) * sd + SPREAD * rng.random()
    low, table = offsets[level]
    idx = memoryview(rng.randbytes(2 * args.samples)).cast("H")
    ks = list(map(table.__getitem__, idx))  # offsets from the gene's lowest possible value
    span = 0
    for group, effect in effects:
        d = round(effect * sd * SCALE)
        span += abs(d)
        for j in group:
            ks[j] += d
    first = round(mean * SCALE) + low - span
    if span:
        ks = [k + span for k in ks]
    length = table[-1] + 2 * span + 1
    if length <= 8 * args.samples:  # a slice of the formatted values, then one lookup per value
        column = text[first: first + length]
        values = map(column.__getitem__, ks)
    else:  # few samples: cheaper than copying the slice
        values = [text[first + k] for k in ks]
    return "%s\tna\t%s\n" % (genes[g], "\t".join(values))


def gene_lines(chunk):
    return "".join(gene_line(g) for g in chunk)


def main():
    os.makedirs(args.out_dir, exist_ok=True)
    gct = os.path.join(args.out_dir, "expression.gct")
    gmt = os.path.join(args.out_dir, "sets.gmt")
    with open(gmt + ".tmp", "w") as f:
        for name, members in sets:
            f.write("%s\tna\t%s\n" % (name, "\t".join(genes[g] for g in members)))
    chunks = [range(c, min(c + 100, args.genes)) for c in range(0, args.genes, 100)]
    with open(gct + ".tmp", "w") as f:
        f.write("#1.2\n%d\t%d\nNAME\tDescription\t%s\n" % (args.genes, args.samples, "\t".join(samples)))
        if args.jobs > 1:
            with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
                for block in pool.imap(gene_lines, chunks):
                    f.write(block)
        else:
            for chunk in chunks:
                f.write(gene_lines(chunk))
    os.replace(gmt + ".tmp", gmt)
    os.replace(gct + ".tmp", gct)
    print("make_score_data: %d genes x %d samples, %d sets (%d shifted) in %s, %.1f s, %d bytes" % (
        args.genes, args.samples, args.sets, len(shifted), args.out_dir, time.time() - START,
        os.path.getsize(gct)), file=sys.stderr)


if __name__ == "__main__":
    main()
