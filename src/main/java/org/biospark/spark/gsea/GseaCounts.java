package org.biospark.spark.gsea;

import org.biospark.spark.run.RunCounts;

/**
 * The accounting of a {@code gsea} run, as its manifest records it: every dataset line and every (dataset, set)
 * pair is used or rejected, and every tested pair is a row.
 *
 * @param datasets          datasets given
 * @param datasetsLeftOut   datasets that could not be analysed at all (the reason is in {@code rejects/})
 * @param datasetsUntested  datasets of which nothing was tested, left out or not (the manifest's summary says why)
 * @param collections       gene-set collections
 * @param geneSetLines      lines of the gene-set files (sets and bad lines)
 * @param geneSets          gene sets read
 * @param datasetLines      data lines of the datasets
 * @param datasetLinesUsed  lines that became part of a dataset
 * @param setsTested        (dataset, set) pairs tested
 * @param setsFiltered      (dataset, set) pairs left out by the size filter
 * @param permutationBlocks blocks each dataset's permutations were split into (1: one task per dataset)
 * @param gsea              rows of {@code gsea/}
 * @param rejects           rows of {@code rejects/}
 */
public record GseaCounts(long datasets, long datasetsLeftOut, long datasetsUntested, long collections, long geneSetLines, long geneSets,
                         long datasetLines, long datasetLinesUsed, long setsTested, long setsFiltered,
                         long permutationBlocks, long gsea, long rejects) implements RunCounts {
}
