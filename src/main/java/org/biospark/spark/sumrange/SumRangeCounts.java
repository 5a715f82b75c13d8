package org.biospark.spark.sumrange;

import org.biospark.spark.run.RunCounts;

/**
 * The accounting of a {@code sumrange} run, as its manifest records it.
 *
 * @param sumrange rows of {@code sumrange/}: one per partition of the range
 */
public record SumRangeCounts(long sumrange) implements RunCounts {
}
