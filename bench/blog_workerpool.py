#!/usr/bin/python3
"""The Python worker pool that biospark replaces, as the multiprocessing tutorial runs it: N processes pull
queries from a queue and align each against the reference with scikit-bio's global aligner, terminal gaps
penalised (+1/-2, gap open 5, extend 2). Prints "query<TAB>score" lines to the output file.
Usage: /usr/bin/python3 bench/blog_workerpool.py QUERIES.fa REF.fa OUT.tsv [PROCESSES]   (needs python3-skbio)
"""
import multiprocessing as mp
import sys

from skbio import DNA
from skbio.alignment import global_pairwise_align_nucleotide


def read_fasta(path):
    records, name, seq = [], None, []
    for line in open(path):
        line = line.strip()
        if line.startswith(">"):
            if name is not None:
                records.append((name, "".join(seq)))
            name, seq = line[1:].split()[0], []
        elif line:
            seq.append(line)
    if name is not None:
        records.append((name, "".join(seq)))
    return records


def worker(tasks, results, reference):
    ref = DNA(reference)
    while True:
        item = tasks.get()
        if item is None:
            break
        name, seq = item
        _, score, _ = global_pairwise_align_nucleotide(
            DNA(seq), ref, gap_open_penalty=5, gap_extend_penalty=2, match_score=1, mismatch_score=-2,
            penalize_terminal_gaps=True)
        results.put((name, score))


def main():
    queries, reference, out = read_fasta(sys.argv[1]), read_fasta(sys.argv[2])[0][1], sys.argv[3]
    processes = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    tasks, results = mp.Queue(), mp.Queue()
    pool = [mp.Process(target=worker, args=(tasks, results, reference)) for _ in range(processes)]
    for p in pool:
        p.start()
    for q in queries:
        tasks.put(q)
    for _ in pool:
        tasks.put(None)
    scores = [results.get() for _ in queries]
    for p in pool:
        p.join()
    with open(out, "w") as f:
        for name, score in sorted(scores, key=lambda s: int(s[0][1:]) if s[0][1:].isdigit() else s[0]):
            f.write("%s\t%d\n" % (name, round(score)))


if __name__ == "__main__":
    main()
