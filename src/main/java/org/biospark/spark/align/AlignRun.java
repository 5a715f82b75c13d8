package org.biospark.spark.align;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.PartitionRecords;
import org.biospark.spark.run.Progress;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.spark.run.RunOutput;

/**
 * Driver side: what both plans of the align job ({@link AlignInPlace}, {@link AlignByCost}) share once the
 * references are broadcast, and the two tables they write. Never shipped to executors: the functions the plans
 * give Spark capture only their own local variables.
 *
 * @param jsc              the Spark context
 * @param options          the command's options
 * @param settings         scoring, mode and what to keep
 * @param references       the broadcast references
 * @param referenceRejects the reference records that were not used, for {@code rejects/}
 * @param output           the run's output directory
 * @param idHashLimit      up to this many query ids (estimated), their hashes come to the driver
 * @param pairsDone        counts the (query, reference, strand) pairs aligned, as tasks finish
 */
record AlignRun(JavaSparkContext jsc, AlignOptions options, AlignSettings settings,
                Broadcast<ReferenceSet> references, List<Reject> referenceRejects, RunOutput output, long idHashLimit,
                LongAccumulator pairsDone) {
    /** How often a long run reports its progress. */
    static final long PROGRESS_MILLIS = 10_000;

    /** Writes {@code rejects/}: these query rejects and the reference rejects; returns the rows written. */
    long writeRejects(SparkSession spark, JavaRDD<Reject> queryRejects) {
        LongAccumulator written = jsc.sc().longAccumulator("rejects written");
        output.writeTable(RejectsSchema.TABLE, spark.createDataFrame(counted(
                queryRejects.union(jsc.parallelize(referenceRejects, 1)).map(Reject::toRow), written),
                RejectsSchema.SCHEMA));
        return written.value();
    }

    /**
     * Writes {@code alignments/} from these rows, reporting progress in {@code unit}s counted by {@code done};
     * returns the rows written.
     */
    long writeAlignments(SparkSession spark, JavaRDD<Row> rows, String description, String unit, long total,
                         LongAccumulator done) {
        jsc.setJobDescription("align: " + description);
        LongAccumulator written = jsc.sc().longAccumulator("alignments written");
        try (Progress progress = Progress.start("align", unit, total, done, PROGRESS_MILLIS)) {
            output.writeTable(AlignmentsSchema.TABLE, spark.createDataFrame(counted(rows, written),
                    AlignmentsSchema.of(settings.traceback())));
        }
        return written.value();
    }


    /**
     * The rows, counted as the write consumes them: the count is exact, since Spark applies the accumulator updates
     * of the tasks of a job's final stage once per partition, whatever ran twice.
     */
    private static JavaRDD<Row> counted(JavaRDD<Row> rows, LongAccumulator count) {
        return rows.map(r -> {
            count.add(1);
            return r;
        });
    }

    /** What one placed partition's task did, recorded beside its output for a resumed run. */
    record PartitionDone(long rows, long pairs) implements java.io.Serializable {
    }

    /**
     * Rows of the queries of each partition aligned against the references (see {@link AlignTask}), but for the
     * {@code reused} partitions, which an interrupted run wrote; each task records its rows and pairs in
     * {@code records}.
     */
    JavaRDD<Row> aligned(JavaRDD<SourcedRecord> placed, java.util.Set<Integer> reused, String records) {
        Broadcast<ReferenceSet> shipped = references;
        AlignSettings s = settings;
        LongAccumulator pairs = pairsDone;
        HadoopConf conf = new HadoopConf(jsc.hadoopConfiguration());
        return placed.mapPartitionsWithIndex((partition, queries) -> {
            if (reused.contains(partition)) {
                return java.util.Collections.emptyIterator();
            }
            long before = pairs.value();
            List<Row> rows = AlignTask.rows(queries, shipped.value(), s, pairs);
            PartitionRecords.write(records, partition, org.apache.spark.TaskContext.get().taskAttemptId(),
                    new PartitionDone(rows.size(), pairs.value() - before), conf.value());
            return rows.iterator();
        }, false);
    }
}
