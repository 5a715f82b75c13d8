package org.biospark.spark.align;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of an {@link AlignJob} run.
 *
 * @param outputDirectory where the tables and the manifest were written
 * @param alignments      the {@code alignments} table, read back
 * @param rejects         the {@code rejects} table, read back
 * @param counts          the record accounting, as in the manifest
 */
public record AlignResult(String outputDirectory, Dataset<Row> alignments, Dataset<Row> rejects,
                          AlignCounts counts) {
}
