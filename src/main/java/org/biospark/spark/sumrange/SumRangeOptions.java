package org.biospark.spark.sumrange;

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
 * @param resume     continue the interrupted run on {@code out} (a sum is quick: it starts over in its place)
 */
public record SumRangeOptions(long from, long to, int partitions, SumRangeEngine engine, int threads, String out,
                              boolean overwrite, boolean resume) {
    /** A run that does not resume another. */
    public SumRangeOptions(long from, long to, int partitions, SumRangeEngine engine, int threads, String out,
                           boolean overwrite) {
        this(from, to, partitions, engine, threads, out, overwrite, false);
    }

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

    /** A request to fill in option by option: from 0, on Spark, one partition per core, until set. */
    public static Builder builder(long to, String out) {
        return new Builder(to, out);
    }

    /** Builds {@link SumRangeOptions}; {@link #build()} validates as the command line does. */
    public static final class Builder {
        private final long to;
        private final String out;
        private long from;
        private int partitions;
        private SumRangeEngine engine = SumRangeEngine.SPARK;
        private int threads;
        private boolean overwrite;
        private boolean resume;

        private Builder(long to, String out) {
            this.to = to;
            this.out = out;
        }

        public Builder from(long value) {
            from = value;
            return this;
        }

        /** Slices; 0 picks one per core (or per thread). */
        public Builder partitions(int count) {
            partitions = count;
            return this;
        }

        public Builder engine(SumRangeEngine value) {
            engine = value;
            return this;
        }

        /** The thread pool of the threads engine; 0 is one per processor. */
        public Builder threads(int count) {
            threads = count;
            return this;
        }

        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        public SumRangeOptions build() {
            return new SumRangeOptions(from, to, partitions, engine, threads, out, overwrite, resume);
        }
    }

    /** Thread-pool size actually used by the {@code threads} engine. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
