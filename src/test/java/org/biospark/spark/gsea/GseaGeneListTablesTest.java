package org.biospark.spark.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gene lists for over-representation as tables: a long table of two lists, as Parquet and as CSV, and the
 * DataFrame API give the rows of the two gene-list files; a row without a gene or a dataset is a reject, each row
 * counted once; a table without a dataset column is one list named after the table.
 */
class GseaGeneListTablesTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void overRepresentationFromParquetCsvAndFramesGivesTheRowsOfTheFiles() throws IOException {
        String gmt = Golden.GENESET.path("example.gmt").toString();
        List<String> ranked = Golden.GENESET.fields("example.rnk").stream().map(f -> f[0]).toList();
        Path universe = Files.write(tmp.resolve("universe.txt"), ranked);
        List<String> first = Files.readAllLines(Golden.GENESET.path("ora/ora_example_genes.txt")).stream()
                .map(String::strip).filter(g -> !g.isEmpty() && !g.startsWith("#")).toList();
        List<String> second = new ArrayList<>(ranked.subList(0, 300));
        second.add(second.get(7)); // named twice: one list gene, in a file as in a table
        Files.createDirectories(tmp.resolve("lists"));
        Path a = Files.write(tmp.resolve("lists/ora_example_genes.txt"), first);
        Path b = Files.write(tmp.resolve("lists/top300.txt"), second);
        Dataset<Row> fromFiles = GseaJob.run(spark, GseaOptions.builder(List.of(gmt), tmp.resolve("files")
                .toString()).genes(List.of(a.toString(), b.toString()), universe.toString()).build()).gsea();
        Map<String, String> expected = GseaTablesTest.byKey(fromFiles);
        assertTrue(expected.keySet().stream().anyMatch(k -> k.startsWith("top300/")), expected.keySet().toString());
        assertTrue(expected.keySet().stream().anyMatch(k -> k.startsWith("ora_example_genes/")));

        List<Row> rows = new ArrayList<>();
        first.forEach(g -> rows.add(RowFactory.create("ora_example_genes", g)));
        second.forEach(g -> rows.add(RowFactory.create("top300", g)));
        rows.add(RowFactory.create("top300", null));
        rows.add(RowFactory.create(null, "GENE_WITHOUT_LIST"));
        Dataset<Row> table = spark.createDataFrame(rows, new StructType().add("list", DataTypes.StringType)
                .add("symbol", DataTypes.StringType)).coalesce(1);
        table.write().parquet(tmp.resolve("lists.parquet").toString());
        table.write().option("header", "true").csv(tmp.resolve("lists.csv").toString());
        TableColumns columns = new TableColumns(null, "list", "symbol", null, null, null, null);
        for (String input : List.of("lists.parquet", "lists.csv")) {
            GseaRunResult run = GseaJob.run(spark, GseaOptions.builder(List.of(gmt), tmp.resolve("out-" + input)
                    .toString()).genes(List.of(tmp.resolve(input).toString()), universe.toString()).tables(columns)
                    .build());
            GseaTablesTest.assertSameRows(expected, GseaTablesTest.byKey(run.gsea()), input);
            List<String> reasons = run.rejects().filter("source LIKE '%" + input + "'").orderBy("reason")
                    .selectExpr("reason").as(Encoders.STRING()).collectAsList();
            assertEquals(List.of("no dataset in the row", "no gene in the row"), reasons, input);
            assertEquals(rows.size() - 1, run.counts().datasetLines(), input + ": every named row counted once");
        }

        // the DataFrame API, lazy, from the same frame
        Dataset<Row> setFrame = GseaTablesTest.setFrame(spark, gmt, "example");
        GseaFrames.Frames frames = GseaFrames.ora(table, setFrame, ranked,
                GseaOptions.builder(List.of(), null).build(), columns);
        // the table read back has its partition column last
        GseaTablesTest.assertSameRows(expected, GseaTablesTest.byKey(frames.results().selectExpr(
                fromFiles.columns())), "frames");
        assertEquals(2, frames.rejects().filter("reason IN ('no dataset in the row', 'no gene in the row')").count());

        // no dataset column: the table is one list, named after it
        spark.createDataFrame(first.stream().map(g -> RowFactory.create(g)).toList(), new StructType()
                .add("gene", DataTypes.StringType)).write().parquet(tmp.resolve("ora_example_genes.parquet")
                .toString());
        GseaRunResult one = GseaJob.run(spark, GseaOptions.builder(List.of(gmt), tmp.resolve("one").toString())
                .genes(List.of(tmp.resolve("ora_example_genes.parquet").toString()), universe.toString()).build());
        Map<String, String> firstOnly = new java.util.TreeMap<>(expected);
        firstOnly.keySet().removeIf(k -> !k.startsWith("ora_example_genes/"));
        GseaTablesTest.assertSameRows(firstOnly, GseaTablesTest.byKey(one.gsea()), "one list");
    }
}
