package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.biospark.io.ClsFile;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.SampleLabels;
import org.biospark.spark.run.Tables;

/**
 * The gsea job's plan for ranked lists and expression matrices given as tables ({@link GseaFrames}): each
 * dataset grouped whole into a task
 * by a shuffle of its rows, analysed there, and its results, rejects and accounting kept (memory, then disk) so that
 * the results table, the rejects table and the driver's accounting come from one computation. A resumed run
 * computes the datasets again: a table has no files that a dataset's work could be matched to.
 */
final class TableDatasets {
    private TableDatasets() {
    }

    static GseaRun.Outcome run(GseaRun run) {
        GseaOptions o = run.options();
        Configuration conf = run.jsc().hadoopConfiguration();
        GseaMethod method = GseaJob.method(o);
        Dataset<Row> outcome = (switch (method) {
            case PHENOTYPE -> GseaFrames.phenotypeOutcomes(ExpressionTables.read(run.spark(), o, conf),
                    labels(run.spark(), o, conf), run.sets(), run.settings(), o);
            case ORA -> GeneListTables.outcomes(GeneListTables.read(run.spark(), o, conf), run.sets(), run.settings(),
                    o);
            default -> GseaFrames.outcomes(RankTables.read(run.spark(), o, conf), run.sets(), run.settings(), o);
        }).persist(StorageLevel.MEMORY_AND_DISK());
        run.writeResults(outcome.filter(functions.col(GseaFrames.RESULT).isNotNull())
                .select(GseaFrames.RESULT + ".*").javaRDD());
        List<GseaTasks.Summary> summaries = new ArrayList<>();
        for (Row r : outcome.filter(functions.col(GseaFrames.SUMMARY).isNotNull()).select(GseaFrames.SUMMARY + ".*")
                .collectAsList()) {
            summaries.add(GseaFrames.summary(r));
        }
        summaries.sort(Comparator.comparing(GseaTasks.Summary::dataset));
        if (summaries.isEmpty()) {
            throw new InvalidInputException(String.join(", ", GseaJob.datasetInputs(o, method)),
                    "no row of the table names a"
                    + " dataset" + (run.options().tables().dataset() != null ? " in column "
                    + run.options().tables().dataset() : "") + ": nothing to test");
        }
        JavaRDD<Reject> rejects = outcome.filter(functions.col(GseaFrames.REJECT).isNotNull())
                .select(GseaFrames.REJECT + ".*").javaRDD().map(GseaFrames::reject);
        return new GseaRun.Outcome(summaries, rejects);
    }

    /**
     * The labels of each expression table, read on the driver: its CLS file (checked as for a GCT file, but for the
     * samples, which the tasks count) or its labels table, or the one labels table of them all.
     */
    static Map<String, SampleLabels> labels(SparkSession spark, GseaOptions o, Configuration conf) {
        boolean tables = ExpressionTables.labelTables(o, conf);
        Map<String, SampleLabels> labels = new HashMap<>();
        Map<String, SampleLabels> read = new HashMap<>(); // one labels table for all is read once
        for (int i = 0; i < o.expression().size(); i++) {
            String file = o.labels().get(Math.min(i, o.labels().size() - 1));
            labels.put(o.expression().get(i), read.computeIfAbsent(file, f -> {
                if (tables) {
                    return SampleLabels.of(Tables.read(spark, f, Tables.format(f, o.tables().format(), conf)), f,
                            o.tables().dataset(), o.tables().sample());
                }
                ClsFile cls = InputFiles.parse(new Path(f), conf, in -> ClsFile.read(in, f));
                Labels.checkClasses(cls, f, o.classA());
                return SampleLabels.of(cls);
            }));
        }
        return labels;
    }
}
