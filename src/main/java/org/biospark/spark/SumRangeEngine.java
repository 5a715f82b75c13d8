package org.biospark.spark;

/** Where the summing loop of {@link SumRangeJob} runs. */
public enum SumRangeEngine {
    /** One Spark task per slice, on the session's executors. */
    SPARK,
    /** A plain Java thread pool in the driver JVM. */
    THREADS,
    /** One thread, the driver's. */
    SERIAL
}
