package org.biospark.spark.align;

/**
 * What became of the query records of an align run, for its manifest: read = aligned + rejected.
 *
 * @param read           records read
 * @param aligned        records aligned (valid, first of their id)
 * @param rejected       records rejected, with their reason in {@code rejects/}
 * @param partitions     alignment tasks
 * @param movedByCost    records moved into cost-balanced partitions (0 when aligned where they were read)
 * @param passes         passes over all query records (reading them in order to check them or align them)
 * @param alignmentRows  rows written to {@code alignments/}
 * @param rejectRows     rows written to {@code rejects/} (the references' too)
 */
record QueryCounts(long read, long aligned, long rejected, int partitions, long movedByCost, int passes,
                   long alignmentRows, long rejectRows) {
    QueryCounts {
        if (read != aligned + rejected) {
            throw new IllegalStateException("record accounting broken: read " + read + ", aligned " + aligned
                    + ", rejected " + rejected);
        }
    }

    /** The same counts after {@code more} passes that were given up. */
    QueryCounts after(int more) {
        return new QueryCounts(read, aligned, rejected, partitions, movedByCost, passes + more, alignmentRows,
                rejectRows);
    }
}
