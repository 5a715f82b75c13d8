package org.biospark.spark.gsea;

import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Tables;

/**
 * Ranked lists from tables: a long table of any number of signatures (dataset, gene, score), or a
 * differential-expression result table (DESeq2, limma, edgeR) as its tool writes it. Every table becomes the same
 * columns, {@link #DATASET}, {@link #GENE}, {@link #SCORE} (null where the statistic is missing or not a number),
 * {@link #TEXT} (the values it came from, for a reject's reason), {@link #TABLE} and {@link #ROW} (the row's place
 * in its table, which breaks ties in the ranking as a file's line order does).
 */
final class RankTables {
    static final String DATASET = "dataset";
    static final String GENE = "gene";
    static final String SCORE = "score";
    static final String TEXT = "text";
    static final String TABLE = "table";
    static final String ROW = "row";

    private RankTables() {
    }

    /**
     * Whether {@code --ranks} names tables: by {@code --format}; by a Parquet, ORC or CSV extension, or a directory
     * of such parts or a Delta table; a {@code .tsv} only with a table option, since RNK files are often named so.
     */
    static boolean given(GseaOptions o, Configuration conf) {
        return Tables.given(o.ranks(), o.tables().format(), o.tables().given(), conf,
                "--ranks mixes tables and RNK files; give one kind (or run them apart)");
    }

    /** Every table of {@code --ranks}, read and brought to the common columns, one after the other. */
    static Dataset<Row> read(SparkSession spark, GseaOptions o, Configuration conf) {
        return readAll(spark, o.ranks(), o, conf, RankTables::normalise);
    }

    /** How one table of a kind is brought to the common columns: see {@link #normalise}. */
    interface Normaliser {
        Dataset<Row> normalise(Dataset<Row> table, String name, String alone, TableColumns c);
    }

    /** Every table of {@code paths}, read, brought to the common columns by {@code normaliser}, and unioned. */
    static Dataset<Row> readAll(SparkSession spark, List<String> paths, GseaOptions o, Configuration conf,
                                Normaliser normaliser) {
        Dataset<Row> all = null;
        for (String path : paths) {
            Dataset<Row> table = normaliser.normalise(Tables.read(spark, path, Tables.format(path,
                    o.tables().format(), conf)), path, InputFiles.baseName(new Path(path)), o.tables());
            all = all == null ? table : all.unionByName(table);
        }
        return all;
    }

    /**
     * A table's dataset column as a string: the one {@code --dataset-column} names, else {@code dataset} if the
     * table has it, else {@code alone} for every row.
     *
     * @param hint what to change when the named column is missing
     */
    static Column dataset(Dataset<Row> table, String name, String alone, TableColumns c, String hint) {
        if (c.dataset() != null) {
            Tables.require(table, name, c.dataset(), hint);
            return functions.col(c.dataset()).cast("string");
        }
        return Tables.has(table, DATASET) ? functions.col(DATASET).cast("string") : functions.lit(alone);
    }

    /**
     * One ranks table in the common columns.
     *
     * @param name    the table, for messages and rejects
     * @param alone   the dataset name when the table has no dataset column
     * @throws org.biospark.io.InvalidInputException naming a column the table lacks, and those it has
     */
    static Dataset<Row> normalise(Dataset<Row> table, String name, String alone, TableColumns c) {
        Tables.require(table, name, c.gene(), "name the gene column with --gene-column");
        for (String column : c.rankBy().columns(c.score())) {
            Tables.require(table, name, column, c.rankBy() == RankBy.COLUMN
                    ? "name the statistic's column with --score-column, or for a differential-expression table"
                    + " choose --rank-by " + RankBy.DESEQ2.label() + ", " + RankBy.DESEQ2_P.label() + ", "
                    + RankBy.LIMMA.label() + " or " + RankBy.EDGER.label()
                    : "--rank-by " + c.rankBy().label() + " reads " + String.join(" and ",
                    c.rankBy().columns(c.score())) + "; choose the --rank-by of the tool that wrote the table");
        }
        Column dataset = dataset(table, name, alone, c, "name the dataset column with --dataset-column, or leave it"
                + " out for a table of one dataset");
        return table.select(dataset.as(DATASET), functions.trim(functions.col(c.gene()).cast("string")).as(GENE),
                c.rankBy().statistic(c.score()).as(SCORE), c.rankBy().text(c.score()).as(TEXT),
                functions.lit(name).as(TABLE), functions.monotonically_increasing_id().as(ROW));
    }
}
