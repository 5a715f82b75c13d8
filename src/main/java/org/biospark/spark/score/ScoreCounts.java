package org.biospark.spark.score;

import org.biospark.spark.run.RunCounts;

/**
 * The accounting of a {@code score} run, as its manifest records it: every gene line is used or rejected, every
 * (dataset, set) pair scored or left out by the size filter, and every scored pair has a row per sample.
 *
 * @param datasets      expression matrices given
 * @param samples       samples over all datasets
 * @param collections   gene-set collections
 * @param geneSetLines  lines of the gene-set files (sets and bad lines)
 * @param geneSets      gene sets read
 * @param geneLines     gene lines of the matrices
 * @param genesUsed     gene lines the scores were computed from
 * @param genesLeftOut  gene lines left out (a bad line, a cell that is not a number, a constant or repeated gene)
 * @param setsScored    (dataset, set) pairs scored
 * @param setsFiltered  (dataset, set) pairs left out by the size filter
 * @param scores        rows of {@code scores/}
 * @param differences   rows of {@code differences/}
 * @param rejects       rows of {@code rejects/}
 */
public record ScoreCounts(long datasets, long samples, long collections, long geneSetLines, long geneSets,
                          long geneLines, long genesUsed, long genesLeftOut, long setsScored, long setsFiltered,
                          long scores, long differences, long rejects) implements RunCounts {
}
