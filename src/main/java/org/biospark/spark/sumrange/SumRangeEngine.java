package org.biospark.spark.sumrange;

/** Where the summing loop of {@link SumRangeJob} runs. */
public enum SumRangeEngine implements org.biospark.Choice {
    /** One Spark task per slice, on the session's executors. */
    SPARK,
    /** A plain Java thread pool in the driver JVM. */
    THREADS,
    /** One thread, the driver's. */
    SERIAL;

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
