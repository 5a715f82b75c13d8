package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.Reject;

/**
 * The gsea job's plan for ranked lists given as tables ({@link GseaFrames}): each dataset grouped whole into a task
 * by a shuffle of its rows, analysed there, and its results, rejects and accounting kept (memory, then disk) so that
 * the results table, the rejects table and the driver's accounting come from one computation. A resumed run
 * computes the datasets again: a table has no files that a dataset's work could be matched to.
 */
final class TableDatasets {
    private TableDatasets() {
    }

    static GseaRun.Outcome run(GseaRun run) {
        Dataset<Row> ranks = RankTables.read(run.spark(), run.options(), run.jsc().hadoopConfiguration());
        Dataset<Row> outcome = GseaFrames.outcomes(ranks, run.sets(), run.settings(), run.options())
                .persist(StorageLevel.MEMORY_AND_DISK());
        run.writeResults(outcome.filter(functions.col(GseaFrames.RESULT).isNotNull())
                .select(GseaFrames.RESULT + ".*").javaRDD());
        List<GseaTasks.Summary> summaries = new ArrayList<>();
        for (Row r : outcome.filter(functions.col(GseaFrames.SUMMARY).isNotNull()).select(GseaFrames.SUMMARY + ".*")
                .collectAsList()) {
            summaries.add(GseaFrames.summary(r));
        }
        summaries.sort(Comparator.comparing(GseaTasks.Summary::dataset));
        if (summaries.isEmpty()) {
            throw new InvalidInputException(String.join(", ", run.options().ranks()), "no row of the table names a"
                    + " dataset" + (run.options().tables().dataset() != null ? " in column "
                    + run.options().tables().dataset() : "") + ": nothing to test");
        }
        JavaRDD<Reject> rejects = outcome.filter(functions.col(GseaFrames.REJECT).isNotNull())
                .select(GseaFrames.REJECT + ".*").javaRDD().map(GseaFrames::reject);
        return new GseaRun.Outcome(summaries, rejects);
    }
}
