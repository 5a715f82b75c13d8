package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.Tables;

/**
 * Gene lists for over-representation from tables: a long table of (dataset, gene) rows holding any number of lists,
 * or a table of one list (a gene column, the list named after the table). Brought to the common columns of
 * {@link RankTables} with no statistic, so that a list is grouped whole into a task as a ranked list is.
 */
final class GeneListTables {
    private GeneListTables() {
    }

    /** Whether {@code --genes} names tables (as {@link RankTables#given} decides for ranks). */
    static boolean given(GseaOptions o, Configuration conf) {
        return Tables.given(o.genes(), o.tables().format(), o.tables().given(), conf,
                "--genes mixes tables and gene-list files; give one kind (or run them apart)");
    }

    /** Every table of {@code --genes}, read and brought to the common columns, one after the other. */
    static Dataset<Row> read(SparkSession spark, GseaOptions o, Configuration conf) {
        return RankTables.readAll(spark, o.genes(), o, conf, GeneListTables::normalise);
    }

    /**
     * One gene-list table in the common columns.
     *
     * @param name  the table, for messages and rejects
     * @param alone the list's name when the table has no dataset column
     * @throws org.biospark.io.InvalidInputException naming a column the table lacks, and those it has
     */
    static Dataset<Row> normalise(Dataset<Row> table, String name, String alone, TableColumns c) {
        Tables.require(table, name, c.gene(), "name the gene column with --gene-column");
        Column dataset = RankTables.dataset(table, name, alone, c, "name the dataset column with --dataset-column,"
                + " or leave it out for a table of one gene list");
        return table.select(dataset.as(RankTables.DATASET),
                functions.trim(functions.col(c.gene()).cast("string")).as(RankTables.GENE),
                functions.lit(null).cast(DataTypes.DoubleType).as(RankTables.SCORE),
                functions.lit(null).cast(DataTypes.StringType).as(RankTables.TEXT),
                functions.lit(name).as(RankTables.TABLE), functions.monotonically_increasing_id().as(RankTables.ROW));
    }

    /** Every list of a table in the common columns tested whole in one task, as a gene-list file is. */
    static Dataset<Row> outcomes(Dataset<Row> lists, Broadcast<GseaTasks.Shared> shared, GseaTasks.Settings settings,
                                 GseaOptions options) {
        return GseaFrames.byDataset(lists, (dataset, rows) -> analyse(dataset, rows, shared.value(), settings,
                options));
    }

    /**
     * Executor side: one list's rows in table order, read as a gene-list file's lines are (a gene named twice is
     * one list gene, as in a file); a row without a gene is a reject.
     */
    private static Iterator<Row> analyse(String dataset, Iterator<Row> input, GseaTasks.Shared shared,
                                         GseaTasks.Settings settings, GseaOptions options) {
        List<Row> rows = new ArrayList<>();
        input.forEachRemaining(rows::add);
        rows.sort(Comparator.comparingLong(r -> r.getLong(5)));
        String table = rows.get(0).getString(4);
        List<String> genes = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        long number = 0;
        for (Row r : rows) {
            number++;
            String gene = r.isNullAt(1) ? "" : r.getString(1);
            if (gene.isEmpty()) {
                rejects.add(new Reject(table, number, 0, "", "no gene in the row", dataset));
            } else {
                genes.add(gene);
            }
        }
        GseaInputs.Source source = new GseaInputs.Source(GseaMethod.ORA, dataset, table, null, 0);
        Datasets.Read read = genes.isEmpty()
                ? Datasets.Read.leftOut(source, table, 0, rejects, number, "the gene list names no gene")
                : Datasets.Read.of(new DatasetInput.GeneList(dataset, genes), rejects, number, genes.size(),
                        List.of());
        return GseaFrames.outcome(source, read, dataset, shared, settings, options);
    }
}
