package org.biospark.spark.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.io.InvalidInputException;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranked lists and gene sets as tables: the same rows as from the equivalent RNK and GMT files, for Parquet, ORC
 * and CSV, every table row counted once in results or rejects, the differential-expression statistics as their
 * tools define them, and a missing column answered with the columns the table has.
 */
class GseaTablesTest {
    private final SparkSession spark = TestSpark.session();
    private static final StructType LONG = new StructType().add("dataset", DataTypes.StringType)
            .add("gene", DataTypes.StringType).add("score", DataTypes.DoubleType);

    @TempDir
    Path tmp;

    /** fgsea's example ranks, and the same genes upside down with bad rows: a NaN, a duplicate, no gene. */
    private final List<Row> rows = new ArrayList<>();

    @BeforeEach
    void data() throws IOException {
        List<String[]> example = Golden.GENESET.fields("example.rnk");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String[] f : example) {
            rows.add(RowFactory.create("a", f[0], Double.parseDouble(f[1])));
            a.add(f[0] + "\t" + f[1]);
        }
        for (int i = 0; i < example.size(); i++) {
            String[] f = example.get(i);
            rows.add(RowFactory.create("b", f[0], -Double.parseDouble(f[1])));
            b.add(f[0] + "\t" + (-Double.parseDouble(f[1])));
            if (i == 10) {
                rows.add(RowFactory.create("b", "NANGENE", Double.NaN));
                b.add("NANGENE\tNaN");
                rows.add(RowFactory.create("b", f[0], 1.5));
                b.add(f[0] + "\t1.5");
            }
        }
        rows.add(RowFactory.create("b", null, 2.0));
        Files.createDirectories(tmp.resolve("rnk"));
        Files.write(tmp.resolve("rnk/a.rnk"), a);
        Files.write(tmp.resolve("rnk/b.rnk"), b);
    }

    private GseaOptions options(List<String> ranks, List<String> sets, TableColumns tables, String out) {
        return GseaOptions.builder(sets, tmp.resolve(out).toString()).ranks(ranks).permutations(200)
                .tables(tables).build();
    }

    /** A GMT file as a (collection, gene_set, gene) frame. */
    static Dataset<Row> setFrame(SparkSession spark, String gmt, String collection) throws IOException {
        List<Row> sets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(gmt))) {
            String[] f = line.split("\t");
            for (int k = 2; k < f.length; k++) {
                sets.add(RowFactory.create(collection, f[0], f[k]));
            }
        }
        return spark.createDataFrame(sets, new StructType().add("collection", DataTypes.StringType)
                .add("gene_set", DataTypes.StringType).add("gene", DataTypes.StringType));
    }

    static Map<String, String> byKey(Dataset<Row> gsea) {
        Map<String, String> rows = new TreeMap<>();
        for (Row r : gsea.collectAsList()) {
            rows.put(r.getAs("dataset") + "/" + r.getAs("collection") + "/" + r.getAs("gene_set"), r.toString());
        }
        return rows;
    }

    /** Equal maps of rows, or the first difference. */
    static void assertSameRows(Map<String, String> expected, Map<String, String> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), what + ": " + e.getKey());
        }
    }

    @Test
    void theSameRowsFromParquetOrcAndCsvAsFromTheFiles() {
        String gmt = Golden.GENESET.path("example.gmt").toString();
        GseaRunResult files = GseaJob.run(spark, options(List.of(tmp.resolve("rnk/a.rnk").toString(),
                tmp.resolve("rnk/b.rnk").toString()), List.of(gmt), null, "files"));
        Map<String, String> expected = byKey(files.gsea());
        assertEquals(2 * 586, expected.size());

        Dataset<Row> table = spark.createDataFrame(rows, LONG).coalesce(1);
        table.write().parquet(tmp.resolve("ranks.parquet").toString());
        table.write().orc(tmp.resolve("ranks.orc").toString());
        table.write().option("header", "true").csv(tmp.resolve("ranks.csv").toString());
        // the gene sets as a (collection, gene_set, gene) table too
        List<Row> sets = new ArrayList<>();
        try {
            for (String[] f : Golden.GENESET.fields("example.gmt")) {
                for (int g = 2; g < f.length; g++) {
                    sets.add(RowFactory.create("example", f[0], f[g]));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        spark.createDataFrame(sets, new StructType().add("collection", DataTypes.StringType)
                .add("gene_set", DataTypes.StringType).add("gene", DataTypes.StringType)).coalesce(1).write()
                .parquet(tmp.resolve("sets.parquet").toString()); // one file: the GMT's order, which FWER depends on

        for (String format : List.of("parquet", "orc", "csv")) {
            GseaRunResult run = GseaJob.run(spark, options(List.of(tmp.resolve("ranks." + format).toString()),
                    List.of(format.equals("csv") ? tmp.resolve("sets.parquet").toString() : gmt), null, format));
            assertSameRows(expected, byKey(run.gsea()), format);
            GseaCounts c = run.counts();
            assertEquals(2, c.datasets(), format);
            // every table row once: used, or a reject of its dataset
            long rejected = run.rejects().filter("reason NOT LIKE '%size filter%' AND dataset IS NOT NULL"
                    + " AND reason NOT LIKE 'nothing tested%' AND source LIKE '%ranks%'").count();
            assertEquals(rows.size(), c.datasetLines(), format);
            assertEquals(c.datasetLines(), c.datasetLinesUsed() + rejected, format);
            assertEquals(1, run.rejects().filter("reason = 'no gene in the row'").count(), format);
            assertEquals(1, run.rejects().filter("reason LIKE 'duplicate gene (first at row%'").count(), format);
            assertEquals(1, run.rejects().filter("reason = \"statistic 'NaN' is not a finite number\"").count(),
                    format);
            assertEquals(files.counts().setsTested(), c.setsTested(), format);
        }
    }

    @Test
    void differentialExpressionTablesRankByTheirToolsStatistic() {
        // DESeq2 and edgeR columns as the tools write them; NA where DESeq2 filtered a gene
        List<Row> de = new ArrayList<>();
        String[] genes = {"g1", "g2", "g3", "g4", "g5"};
        double[] lfc = {2.0, -1.0, 0.5, -3.0, 1.0};
        String[] p = {"1e-10", "0.01", "0.5", "1e-4", "NA"};
        for (int i = 0; i < genes.length; i++) {
            de.add(RowFactory.create(genes[i], lfc[i], p[i], String.valueOf(lfc[i] * 3)));
        }
        Dataset<Row> table = spark.createDataFrame(de, new StructType().add("gene", DataTypes.StringType)
                .add("log2FoldChange", DataTypes.DoubleType).add("pvalue", DataTypes.StringType)
                .add("stat", DataTypes.StringType));
        Dataset<Row> ranked = RankTables.normalise(table, "de.csv", "de",
                new TableColumns(null, null, null, null, RankBy.DESEQ2_P, null, null));
        Map<String, Double> scores = ranked.collectAsList().stream().filter(r -> !r.isNullAt(2))
                .collect(Collectors.toMap(r -> r.getString(1), r -> r.getDouble(2)));
        assertEquals(10.0, scores.get("g1"), 1e-12);
        assertEquals(-2.0, scores.get("g2"), 1e-12);
        assertEquals(4.0 * -1, scores.get("g4"), 1e-12);
        assertEquals(4, scores.size(), "the NA p-value is no statistic: " + scores);
        assertEquals("log2FoldChange=1.0, pvalue=NA", ranked.filter("gene = 'g5'").first().getString(3));
        Dataset<Row> stat = RankTables.normalise(table, "de.csv", "de",
                new TableColumns(null, null, null, null, RankBy.DESEQ2, null, null));
        assertEquals(-9.0, stat.filter("gene = 'g4'").first().getDouble(2), 1e-12);
        assertEquals("de", stat.first().getString(0), "a table without a dataset column is one dataset");

        InvalidInputException limma = assertThrows(InvalidInputException.class, () -> RankTables.normalise(table,
                "de.csv", "de", new TableColumns(null, null, null, null, RankBy.LIMMA, null, null)));
        assertEquals("de.csv", limma.file());
        assertTrue(limma.problem().startsWith("no column 't'; the table has columns gene, log2FoldChange, pvalue,"
                + " stat: --rank-by limma reads t"), limma.getMessage());
        InvalidInputException score = assertThrows(InvalidInputException.class, () -> RankTables.normalise(table,
                "de.csv", "de", TableColumns.DEFAULT));
        assertTrue(score.getMessage().contains("no column 'score'") && score.getMessage().contains("--rank-by"),
                score.getMessage());
    }

    @Test
    void theDataFrameApiIsLazyAndGivesTheJobsRows() {
        Dataset<Row> ranks = spark.createDataFrame(rows, LONG);
        List<Row> sets = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            sets.add(RowFactory.create("c", "S" + (g % 2), rows.get(g * 7).getString(1)));
        }
        Dataset<Row> geneSets = spark.createDataFrame(sets, new StructType().add("collection", DataTypes.StringType)
                .add("gene_set", DataTypes.StringType).add("gene", DataTypes.StringType));
        GseaOptions o = GseaOptions.builder(List.of(), null).permutations(100).sizes(5, 500).build();
        // lazy: ranks whose every row fails when computed still make a frame; only an action reads them (from a
        // file: Spark's optimizer computes expressions over an in-memory table while planning)
        ranks.write().parquet(tmp.resolve("lazy.parquet").toString());
        Dataset<Row> failing = spark.read().parquet(tmp.resolve("lazy.parquet").toString()).withColumn("score", functions.udf((UDF1<Double, Double>) x -> {
            throw new IllegalStateException("a rank was read");
        }, DataTypes.DoubleType).apply(functions.col("score")));
        GseaFrames.Frames lazy = GseaFrames.preranked(failing, geneSets, o, TableColumns.DEFAULT);
        Exception read = assertThrows(Exception.class, () -> lazy.results().count());
        assertTrue(String.valueOf(read.getMessage()).contains("a rank was read"), read.getMessage());

        GseaFrames.Frames frames = GseaFrames.preranked(ranks, geneSets, o, TableColumns.DEFAULT);
        Dataset<Row> top = frames.results().filter("padj < 1.0 OR padj >= 1.0").select("dataset", "gene_set", "nes");
        List<Row> collected = top.orderBy("dataset", "gene_set").collectAsList();
        assertEquals(4, collected.size(), collected.toString());
        for (int c = 0; c < GseaSchema.SCHEMA.size(); c++) {
            assertEquals(GseaSchema.SCHEMA.fields()[c].name(), frames.results().schema().fields()[c].name());
            assertEquals(GseaSchema.SCHEMA.fields()[c].dataType(), frames.results().schema().fields()[c].dataType());
        }
        assertEquals(3, frames.rejects().count(), "the NaN, the duplicate and the row without a gene");

        // the same rows from SQL text, through the table function
        ranks.createOrReplaceTempView("ranks");
        geneSets.createOrReplaceTempView("sets");
        Dataset<Row> sql = spark.sql("SELECT * FROM gsea_preranked(TABLE(ranks), TABLE(sets), 100, 42, 5, 500)");
        assertSameRows(byKey(frames.results()), byKey(sql), "sql");
        assertEquals(2, spark.sql("SELECT dataset, count(*) FROM gsea_preranked(TABLE(ranks), TABLE(sets), 100, 42,"
                + " 5, 500) WHERE gene_set = 'S0' GROUP BY dataset").count());
        Exception wrong = assertThrows(Exception.class, () -> spark.sql("SELECT * FROM gsea_preranked(TABLE(ranks),"
                + " TABLE(sets), 'many')").collectAsList());
        assertTrue(wrong.getMessage().contains("permutations must be a whole number"), wrong.getMessage());
    }
}
