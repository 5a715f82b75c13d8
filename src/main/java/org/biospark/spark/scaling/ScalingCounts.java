package org.biospark.spark.scaling;

import org.biospark.spark.run.RunCounts;

/** A scaling study's counts: its runs and its parallelisms. */
public record ScalingCounts(long scaling, long scaling_summary) implements RunCounts {
}
