package org.biospark.spark;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of a {@link GseaJob} run.
 *
 * @param outputDirectory where the tables and the manifest were written
 * @param gsea            the {@code gsea} table, read back
 * @param rejects         the {@code rejects} table, read back
 * @param counts          the accounting, as in the manifest
 * @param warnings        what the user should know about the data (small classes, ...)
 */
public record GseaRunResult(String outputDirectory, Dataset<Row> gsea, Dataset<Row> rejects, Map<String, Long> counts,
                            List<String> warnings) {
}
