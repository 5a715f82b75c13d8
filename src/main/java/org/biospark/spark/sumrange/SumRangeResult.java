package org.biospark.spark.sumrange;

import java.math.BigInteger;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.biospark.sumrange.PartialSum;

/**
 * The outcome of a {@link SumRangeJob} run.
 *
 * @param total          exact sum of the range, checked against the closed form
 * @param partials       the partitions' results, in range order
 * @param computeSeconds wall time of the summing step (the partitions ran in parallel), without writing
 * @param startupSeconds time of the warm-up job that preceded it (Spark engine only; 0 otherwise)
 * @param outputDirectory where the results were written
 * @param table          the {@code sumrange} Parquet table, read back
 */
public record SumRangeResult(BigInteger total, List<PartialSum> partials, double computeSeconds,
                             double startupSeconds, String outputDirectory, Dataset<Row> table) {

    /** Integers summed. */
    public long count() {
        return partials.stream().mapToLong(p -> p.slice().count()).sum();
    }

    /** Integers summed per second of wall time, over all partitions. */
    public double rate() {
        return computeSeconds > 0 ? count() / computeSeconds : 0.0;
    }
}
