package org.biospark.spark;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.biospark.sumrange.LocalSumRange;
import org.biospark.sumrange.PartialSum;
import org.biospark.sumrange.RangeSlice;
import org.biospark.sumrange.RangeSplitter;
import org.biospark.sumrange.RangeSum;

/**
 * {@code sumrange}: sums every integer of [from, to) by a real loop, split across partitions, and writes one row
 * per partition to the Parquet table {@value SumRangeSchema#TABLE}. The calibration job for overhead and scaling.
 */
public final class SumRangeJob {
    private SumRangeJob() {
    }

    /** Runs the job, writes its output directory, and returns the result with the table read back. */
    public static SumRangeResult run(SparkSession spark, SumRangeOptions options) {
        RunManifest manifest = new RunManifest("sumrange", spark);
        try (RunOutput output = RunOutput.open(spark, options.out(), options.overwrite())) {
            int partitions = partitions(spark, options);
            manifest.parameter("from", options.from()).parameter("to", options.to())
                    .parameter("partitions", partitions).parameter("engine", options.engine());
            if (options.engine() == SumRangeEngine.THREADS) {
                manifest.parameter("threads", options.effectiveThreads());
            }
            List<RangeSlice> slices = RangeSplitter.split(options.from(), options.to(), partitions);
            double startup = options.engine() == SumRangeEngine.SPARK ? warmUp(spark, partitions) : 0.0;

            long start = System.nanoTime();
            List<PartialSum> partials = switch (options.engine()) {
                case SPARK -> onSpark(spark, slices);
                case THREADS -> LocalSumRange.threads(slices, options.effectiveThreads());
                case SERIAL -> LocalSumRange.serial(slices);
            };
            double seconds = (System.nanoTime() - start) / 1e9;

            BigInteger total = partials.stream().map(PartialSum::sum).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger expected = RangeSum.closedForm(options.from(), options.to());
            if (!total.equals(expected)) {
                throw new IllegalStateException("sumrange total " + total + " differs from the closed form "
                        + expected + " for [" + options.from() + ", " + options.to() + "): this is a bug");
            }

            output.writeTable(SumRangeSchema.TABLE, spark.createDataFrame(toRows(partials), SumRangeSchema.SCHEMA));
            manifest.count(SumRangeSchema.TABLE, partials.size())
                    .summary("total", total.toString())
                    .summary("compute_seconds", seconds)
                    .summary("startup_seconds", startup)
                    .summary("integers_per_second", seconds > 0 ? (options.to() - options.from()) / seconds : 0.0)
                    .finish();
            output.writeManifest(manifest);
            output.commit();
            Dataset<Row> table = output.readTable(SumRangeSchema.TABLE);
            return new SumRangeResult(total, partials, seconds, startup, output.directory().toString(), table);
        }
    }

    private static int partitions(SparkSession spark, SumRangeOptions options) {
        if (options.partitions() > 0) {
            return options.partitions();
        }
        return switch (options.engine()) {
            case SPARK -> spark.sparkContext().defaultParallelism();
            case THREADS -> options.effectiveThreads();
            case SERIAL -> 1;
        };
    }

    /**
     * Runs the task path once on tiny slices, so that the timed run measures the loop and Spark's per-job overhead,
     * not the one-time cost of a cold JVM (class loading, JIT, serializer set-up: about a second here). Returns the
     * seconds it took, which the job reports as start-up.
     */
    private static double warmUp(SparkSession spark, int partitions) {
        long start = System.nanoTime();
        onSpark(spark, RangeSplitter.split(0, 1000L * partitions, partitions));
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<PartialSum> onSpark(SparkSession spark, List<RangeSlice> slices) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.setJobDescription("sumrange: " + slices.size() + " partitions");
        // One slice per partition: parallelize cuts a list of n elements into n partitions of one element each.
        return context.parallelize(slices, slices.size()).map(SumRangeTasks::sumOnExecutor).collect();
    }

    private static List<Row> toRows(List<PartialSum> partials) {
        List<Row> rows = new ArrayList<>(partials.size());
        for (PartialSum p : partials) {
            rows.add(RowFactory.create(p.slice().index(), p.slice().from(), p.slice().to(),
                    new BigDecimal(p.sum()), p.seconds(), p.worker(), p.host()));
        }
        return rows;
    }
}
