package org.biospark.spark;

import org.biospark.UsageException;
import org.biospark.sumrange.RangeSum;

/**
 * What {@link SumRangeJob} is asked to do.
 *
 * @param from       first integer, inclusive
 * @param to         end of the range, exclusive
 * @param partitions number of slices; 0 picks one per core (Spark's default parallelism, or the thread count)
 * @param engine     where the loop runs
 * @param threads    thread-pool size of the {@code threads} engine; 0 means one per available processor
 * @param out        output directory
 * @param overwrite  replace an existing, non-empty output directory
 */
public record SumRangeOptions(long from, long to, int partitions, SumRangeEngine engine, int threads, String out,
                              boolean overwrite) {
    public SumRangeOptions {
        if (Math.abs(from) > RangeSum.MAX_ABS || Math.abs(to) > RangeSum.MAX_ABS) {
            throw new UsageException("--from and --to must lie within +/-" + RangeSum.MAX_ABS);
        }
        if (to < from) {
            throw new UsageException("--to (" + to + ") must not be smaller than --from (" + from + ")");
        }
        if (partitions < 0) {
            throw new UsageException("--partitions must be positive, got " + partitions);
        }
        if (threads < 0) {
            throw new UsageException("--threads must be positive, got " + threads);
        }
        if (engine == null) {
            throw new UsageException("an engine is required");
        }
        if (out == null || out.isBlank()) {
            throw new UsageException("an output directory is required");
        }
    }

    /** Thread-pool size actually used by the {@code threads} engine. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
