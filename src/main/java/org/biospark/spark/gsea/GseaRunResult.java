package org.biospark.spark.gsea;

import java.util.List;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of a {@link GseaJob} run: where it is, its accounting and warnings, and its tables, read back when
 * first asked for (listing a table partitioned by dataset takes a Spark job of its own, which a caller that only
 * reports the counts should not pay for).
 */
public final class GseaRunResult {
    private final String outputDirectory;
    private final GseaCounts counts;
    private final List<String> warnings;
    private final Supplier<Dataset<Row>> gseaTable;
    private final Supplier<Dataset<Row>> rejectsTable;
    private Dataset<Row> gsea;
    private Dataset<Row> rejects;

    /**
     * @param outputDirectory where the tables and the manifest were written
     * @param gsea            reads the {@code gsea} table back
     * @param rejects         reads the {@code rejects} table back
     * @param counts          the accounting, as in the manifest
     * @param warnings        what the user should know about the data (small classes, ...)
     */
    public GseaRunResult(String outputDirectory, Supplier<Dataset<Row>> gsea, Supplier<Dataset<Row>> rejects,
                         GseaCounts counts, List<String> warnings) {
        this.outputDirectory = outputDirectory;
        this.gseaTable = gsea;
        this.rejectsTable = rejects;
        this.counts = counts;
        this.warnings = List.copyOf(warnings);
    }

    /** Where the tables and the manifest were written. */
    public String outputDirectory() {
        return outputDirectory;
    }

    /** The {@code gsea} table. */
    public synchronized Dataset<Row> gsea() {
        if (gsea == null) {
            gsea = gseaTable.get();
        }
        return gsea;
    }

    /** The {@code rejects} table. */
    public synchronized Dataset<Row> rejects() {
        if (rejects == null) {
            rejects = rejectsTable.get();
        }
        return rejects;
    }

    /** The accounting, as in the manifest. */
    public GseaCounts counts() {
        return counts;
    }

    /** What the user should know about the data (small classes, ...). */
    public List<String> warnings() {
        return warnings;
    }
}
