package org.biospark.spark.align;

import org.biospark.spark.run.RunCounts;

/**
 * The accounting of an align run, as its manifest records it: every query record is aligned or rejected
 * ({@code queryRecords = queriesAligned + queriesRejected}), and how the work was planned.
 *
 * @param queryRecords       query records read
 * @param queriesAligned     query records aligned (valid, first of their id)
 * @param queriesRejected    query records rejected, with their reason in {@code rejects/}
 * @param referenceRecords   reference records read
 * @param referencesUsed     references aligned against
 * @param referencesRejected reference records rejected
 * @param partitions         alignment tasks
 * @param queriesMovedByCost queries moved into cost-balanced partitions (0 when aligned where they were read)
 * @param queryPasses        passes over all query records
 * @param queryFilesInflated gzip query files inflated into plain copies to be split
 * @param alignments         rows of {@code alignments/}
 * @param rejects            rows of {@code rejects/} (the references' too)
 */
public record AlignCounts(long queryRecords, long queriesAligned, long queriesRejected, long referenceRecords,
                          long referencesUsed, long referencesRejected, long partitions, long queriesMovedByCost,
                          long queryPasses, long queryFilesInflated, long alignments, long rejects)
        implements RunCounts {
}
