package org.biospark.spark.score;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.spark.run.RunOutput;

/**
 * The outcome of a {@link ScoreJob} run: where it is, its accounting and warnings, and its tables, read when asked.
 *
 * @param warnings what the user should know about the data (datasets with nothing scored, ...)
 */
public record ScoreRunResult(String outputDirectory, ScoreCounts counts, List<String> warnings, RunOutput output) {
    public Dataset<Row> scores() {
        return output.readTable(ScoreSchema.TABLE);
    }

    /** The test of differences between the classes; only when labels were given. */
    public Dataset<Row> differences() {
        return output.readTable(DifferenceSchema.TABLE);
    }

    public Dataset<Row> rejects() {
        return output.readTable(RejectsSchema.TABLE, RejectsSchema.SCHEMA);
    }
}
