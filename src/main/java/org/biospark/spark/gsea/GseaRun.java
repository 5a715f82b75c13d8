package org.biospark.spark.gsea;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.RunOutput;

/**
 * Driver side: what both plans of the gsea job ({@link WholeDatasets}, {@link PermutationBlocks}) share once the
 * gene sets are broadcast, and the results table they write. Never shipped to executors: the functions the plans
 * give Spark capture only their own local variables.
 *
 * @param spark    the session
 * @param jsc      its Java context
 * @param options  the command's options
 * @param settings the kernels' options
 * @param inputs   the collections and the datasets' files
 * @param shared   the gene sets every task needs, and their broadcast
 * @param sets     the broadcast of {@code shared}
 * @param conf     the Hadoop configuration, broadcast once per executor
 * @param output   the run's output directory
 * @param rows     counts the rows of {@code gsea/} as they are written
 */
record GseaRun(SparkSession spark, JavaSparkContext jsc, GseaOptions options, GseaTasks.Settings settings,
               GseaInputs inputs, GseaTasks.Shared shared, Broadcast<GseaTasks.Shared> sets,
               Broadcast<HadoopConf> conf, RunOutput output, LongAccumulator rows) {
    /**
     * What a plan did: the accounting of every dataset, in dataset order, and the rejects of the datasets (their
     * lines and the sets they left out), to be written after the results.
     */
    record Outcome(List<GseaTasks.Summary> summaries, JavaRDD<Reject> rejects) {
    }

    /** Counts rows that an interrupted run wrote and this one reuses. */
    void reusedRows(long count) {
        rows.add(count);
    }

    /** Writes {@code gsea/}, partitioned by dataset, counting its rows. */
    void writeResults(JavaRDD<Row> results) {
        LongAccumulator count = rows;
        output.writeTable(GseaSchema.TABLE, spark.createDataFrame(results.map(r -> {
            count.add(1);
            return r;
        }), GseaSchema.SCHEMA), GseaSchema.DATASET.name());
    }
}
