package org.biospark.spark.sumrange;

import org.apache.spark.SparkEnv;
import org.biospark.sumrange.PartialSum;
import org.biospark.sumrange.RangeSlice;

/** The function shipped to executors by {@link SumRangeJob}: static, so that it captures nothing. */
final class SumRangeTasks {
    private SumRangeTasks() {
    }

    /** Sums one slice on the executor it runs on, recording the executor's id and host. */
    static PartialSum sumOnExecutor(RangeSlice slice) {
        SparkEnv env = SparkEnv.get();
        String executor = env != null ? env.executorId() : "unknown";
        String host = env != null ? env.blockManager().blockManagerId().host() : "unknown";
        return PartialSum.compute(slice, executor, host);
    }
}
