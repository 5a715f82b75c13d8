package org.biospark.spark.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.io.GctFile;
import org.biospark.io.InvalidInputException;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expression matrices as tables for phenotype GSEA: a wide table with a CLS file and a long one (Parquet, CSV)
 * with a labels table give the rows of the GCT and CLS files; bad rows are rejects, each counted once; a sample
 * without a label leaves its dataset out, saying which.
 */
class GseaExpressionTablesTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void phenotypeFromWideAndLongTablesGivesTheRowsOfTheGctFile() throws IOException {
        GctFile gct = GctFile.read(Golden.GENESET.open("synth.gct"), "synth.gct");
        List<String> cls = Golden.GENESET.lines("synth.cls");
        List<String> labels = List.of(cls.get(2).strip().split("\\s+"));
        String gmt = Golden.GENESET.path("synth.gmt").toString();
        GseaOptions.Builder files = GseaOptions.builder(List.of(gmt), tmp.resolve("files").toString())
                .expression(List.of(Golden.GENESET.path("synth.gct").toString()),
                        List.of(Golden.GENESET.path("synth.cls").toString())).permutations(100);
        Map<String, String> expected = GseaTablesTest.byKey(GseaJob.run(spark, files.build()).gsea());
        assertTrue(expected.size() > 20, expected.toString());

        // wide: a gene column, a description, a column per sample; with the CLS file
        StructType wideSchema = org.biospark.testing.GctTableRows.wideSchema(gct);
        List<Row> wide = org.biospark.testing.GctTableRows.wide(gct);
        // long: (dataset, gene, sample, value), with three bad rows that change nothing: no gene, no dataset, a
        // repeated (gene, sample)
        List<Row> cells = new ArrayList<>(org.biospark.testing.GctTableRows.cells(gct, "synth"));
        cells.add(RowFactory.create("synth", null, "S01", 1.0));
        cells.add(RowFactory.create(null, "G00001", "S01", 1.0));
        cells.add(RowFactory.create("synth", "G00001", "S01", 9.0));
        String widePath = tmp.resolve("wide/synth.parquet").toString();
        spark.createDataFrame(wide, wideSchema).write().parquet(widePath);
        Dataset<Row> longFrame = spark.createDataFrame(cells, new StructType().add("dataset", DataTypes.StringType)
                .add("gene", DataTypes.StringType).add("sample", DataTypes.StringType)
                .add("value", DataTypes.DoubleType));
        String longPath = tmp.resolve("long/cells.parquet").toString();
        longFrame.coalesce(2).write().parquet(longPath);
        List<Row> classes = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            classes.add(RowFactory.create(gct.samples().get(labels.size() - 1 - j), labels.get(labels.size() - 1 - j)));
        }
        Dataset<Row> labelFrame = spark.createDataFrame(classes, new StructType().add("sample", DataTypes.StringType)
                .add("class", DataTypes.StringType));
        String labelPath = tmp.resolve("labels.parquet").toString();
        labelFrame.write().parquet(labelPath);

        GseaRunResult fromWide = GseaJob.run(spark, GseaOptions.builder(List.of(gmt), tmp.resolve("w").toString())
                .expression(List.of(widePath), List.of(Golden.GENESET.path("synth.cls").toString()))
                .permutations(100).build());
        GseaTablesTest.assertSameRows(expected, GseaTablesTest.byKey(fromWide.gsea()), "wide Parquet");
        assertEquals(gct.genes().size(), fromWide.counts().datasetLines(), "a wide row counts once");
        GseaRunResult fromLong = GseaJob.run(spark, GseaOptions.builder(List.of(gmt), tmp.resolve("l").toString())
                .expression(List.of(longPath), List.of(labelPath)).permutations(100).build());
        GseaTablesTest.assertSameRows(expected, GseaTablesTest.byKey(fromLong.gsea()), "long Parquet, labels by sample");
        List<String> reasons = fromLong.rejects().filter("source LIKE '%cells.parquet'").orderBy("reason")
                .selectExpr("reason").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).equals("no dataset in the row"), reasons.toString());
        assertTrue(reasons.get(1).equals("no gene in the row"), reasons.toString());
        assertTrue(reasons.get(2).startsWith("sample S01 repeated for gene G00001 (first at row "),
                reasons.toString());
        assertEquals(cells.size() - 1, fromLong.counts().datasetLines(), "every named row counted once");
        // the same as CSV, values and labels arriving as text
        longFrame.coalesce(1).write().option("header", "true").csv(tmp.resolve("cells.csv").toString());
        labelFrame.write().option("header", "true").csv(tmp.resolve("labels.csv").toString());
        GseaRunResult fromCsv = GseaJob.run(spark, GseaOptions.builder(List.of(gmt), tmp.resolve("c").toString())
                .expression(List.of(tmp.resolve("cells.csv").toString()), List.of(tmp.resolve("labels.csv")
                        .toString())).permutations(100).build());
        GseaTablesTest.assertSameRows(expected, GseaTablesTest.byKey(fromCsv.gsea()), "long CSV");
        assertEquals(cells.size() - 1, fromCsv.counts().datasetLines(), "CSV: every named row counted once");

        // the DataFrame API, lazy, from the same frames
        Dataset<Row> setFrame = GseaTablesTest.setFrame(spark, gmt, "synth");
        GseaFrames.Frames frames = GseaFrames.phenotype(longFrame, labelFrame, setFrame,
                GseaOptions.builder(List.of(), null).permutations(100).build(), TableColumns.DEFAULT);
        // the table read back has its partition column last
        GseaTablesTest.assertSameRows(expected, GseaTablesTest.byKey(frames.results().selectExpr(fromLong.gsea().columns())), "frames");

        // a sample without a label: the dataset left out, saying which
        Dataset<Row> fewer = labelFrame.filter("sample <> 'S16'");
        fewer.write().parquet(tmp.resolve("fewer.parquet").toString());
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> GseaJob.run(spark,
                GseaOptions.builder(List.of(gmt), tmp.resolve("f").toString()).expression(List.of(longPath),
                        List.of(tmp.resolve("fewer.parquet").toString())).permutations(100).build()));
        assertTrue(none.getMessage().contains("sample S16 has no label in"), none.getMessage());
    }
}
