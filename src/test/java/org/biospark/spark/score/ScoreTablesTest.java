package org.biospark.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.UsageException;
import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis.Method;
import org.biospark.io.GctFile;
import org.biospark.io.InvalidInputException;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score} on tables: a wide and a long expression table, a gene-set table and a labels table give the rows of
 * the GCT, GMT and CLS files; a long table holds any number of datasets, scored apart, and each of its rows is used
 * or rejected once; a mistake in a table names it and what to change.
 */
class ScoreTablesTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private String out() {
        return tmp.resolve("out-" + System.nanoTime()).toString();
    }

    private static List<String> rows(Dataset<Row> table) {
        return table.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** Equal lists of rows, or the first row that differs (a whole table is too long for a message). */
    private static void assertSameRows(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ": row " + i);
        }
        assertEquals(expected.size(), actual.size(), what + ": rows");
    }

    @Test
    void wideAndLongTablesGiveTheRowsOfTheFiles() throws IOException {
        GctFile gct = GctFile.read(Golden.GENESET.open("synth.gct"), "synth.gct");
        List<String> labels = List.of(Golden.GENESET.lines("synth.cls").get(2).strip().split("\\s+"));
        String gmt = Golden.GENESET.path("synth.gmt").toString();
        String cls = Golden.GENESET.path("synth.cls").toString();

        StructType wideSchema = org.biospark.testing.GctTableRows.wideSchema(gct);
        List<Row> wide = org.biospark.testing.GctTableRows.wide(gct);
        List<Row> cells = new ArrayList<>(org.biospark.testing.GctTableRows.cells(gct, "synth"));
        // three bad rows that change no score: no gene, no dataset, a repeated (gene, sample)
        cells.add(RowFactory.create("synth", null, "S01", 1.0));
        cells.add(RowFactory.create(null, "G00001", "S01", 1.0));
        cells.add(RowFactory.create("synth", "G00001", "S01", 9.0));
        String widePath = tmp.resolve("wide/synth.parquet").toString();
        spark.createDataFrame(wide, wideSchema).coalesce(1).write().parquet(widePath);
        String longPath = tmp.resolve("long/cells.parquet").toString();
        spark.createDataFrame(cells, new StructType().add("dataset", DataTypes.StringType)
                .add("gene", DataTypes.StringType).add("sample", DataTypes.StringType)
                .add("value", DataTypes.DoubleType)).coalesce(1).write().parquet(longPath);
        List<Row> sets = new ArrayList<>();
        for (String[] f : Golden.GENESET.fields("synth.gmt")) {
            for (int i = 2; i < f.length; i++) {
                sets.add(RowFactory.create(f[0], f[i]));
            }
        }
        String setsPath = tmp.resolve("sets/synth.parquet").toString();
        spark.createDataFrame(sets, new StructType().add("gene_set", DataTypes.StringType)
                .add("gene", DataTypes.StringType)).coalesce(1).write().parquet(setsPath);
        List<Row> classes = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            classes.add(RowFactory.create(gct.samples().get(j), labels.get(j)));
        }
        String labelsPath = tmp.resolve("labels.csv").toString();
        spark.createDataFrame(classes, new StructType().add("sample", DataTypes.StringType)
                .add("class", DataTypes.StringType)).coalesce(1).write().option("header", "true").csv(labelsPath);

        for (Method method : List.of(Method.GSVA, Method.SSGSEA)) {
            ScoreRunResult files = ScoreJob.run(spark, ScoreOptions.builder(method, List.of(gmt),
                    List.of(Golden.GENESET.path("synth.gct").toString()), out()).labels(List.of(cls), null).build());
            List<String> scores = rows(files.scores());
            List<String> differences = rows(files.differences());
            assertEquals(gct.samples().size() * 150, scores.size());

            ScoreRunResult fromWide = ScoreJob.run(spark, ScoreOptions.builder(method, List.of(setsPath),
                    List.of(widePath), out()).labels(List.of(cls), null).build());
            assertSameRows(scores, rows(fromWide.scores()), method + ", wide");
            assertSameRows(differences, rows(fromWide.differences()), method + ", wide");
            assertEquals(files.counts().rejects(), fromWide.counts().rejects());

            ScoreRunResult fromLong = ScoreJob.run(spark, ScoreOptions.builder(method, List.of(gmt),
                    List.of(longPath), out()).labels(List.of(labelsPath), null).build());
            assertSameRows(scores, rows(fromLong.scores()), method + ", long");
            assertSameRows(differences, rows(fromLong.differences()), method + ", long");
            List<String> reasons = fromLong.rejects().selectExpr("reason").collectAsList().stream()
                    .map(r -> r.getString(0)).sorted().toList();
            assertEquals(List.of("no dataset in the row", "no gene in the row",
                    "sample S01 repeated for gene G00001 (first at row 1)"), reasons);
        }
    }

    @Test
    void aTablesRowOrderChangesNoScore() throws IOException {
        // the edge matrix has ties, which the walks break by gene order: a table's genes are in name order, however
        // its rows are stored, as the GCT file's are
        GctFile gct = GctFile.read(Golden.GENESET.open("gsva/edge.gct"), "edge.gct");
        StructType schema = new StructType().add("gene", DataTypes.StringType);
        for (String sample : gct.samples()) {
            schema = schema.add(sample, DataTypes.DoubleType);
        }
        List<Row> rows = new ArrayList<>();
        for (int g = gct.genes().size() - 1; g >= 0; g--) {
            Object[] row = new Object[1 + gct.samples().size()];
            row[0] = gct.genes().get(g);
            for (int j = 0; j < gct.samples().size(); j++) {
                row[1 + j] = gct.values()[g][j];
            }
            rows.add(RowFactory.create(row));
        }
        String table = tmp.resolve("edge.parquet").toString();
        spark.createDataFrame(rows, schema).repartition(3).write().parquet(table);
        String gmt = Golden.GENESET.path("gsva/edge.gmt").toString();
        for (Method method : List.of(Method.GSVA, Method.SSGSEA)) {
            ScoreRunResult file = ScoreJob.run(spark, ScoreOptions.builder(method, List.of(gmt),
                    List.of(Golden.GENESET.path("gsva/edge.gct").toString()), out()).build());
            ScoreRunResult fromTable = ScoreJob.run(spark, ScoreOptions.builder(method, List.of(gmt),
                    List.of(table), out()).partitions(3).build());
            assertSameRows(rows(file.scores()), rows(fromTable.scores()), method + ", rows reversed");
        }
    }

    @Test
    void aLongTableHoldsDatasetsScoredApartAndEachRowIsUsedOrRejectedOnce() throws IOException {
        // dataset a: G3 has a value that is not a number, G4 no value for S4, G5 one value in every sample, and
        // (G1, S1) twice; dataset b: other samples, every gene usable
        List<String> csv = new ArrayList<>(List.of("dataset,gene,sample,value"));
        String[] samplesA = {"S1", "S2", "S3", "S4"};
        String[] samplesB = {"T1", "T2", "T3"};
        Map<String, double[]> usableA = new TreeMap<>();
        Map<String, double[]> usableB = new TreeMap<>();
        for (int g = 1; g <= 8; g++) {
            double[] a = new double[samplesA.length];
            for (int j = 0; j < samplesA.length; j++) {
                a[j] = g == 5 ? 2.0 : Math.round(100 * Math.sin(g * 7 + j * 3)) / 10.0;
                String value = g == 3 && j == 1 ? "NA" : String.valueOf(a[j]);
                if (!(g == 4 && j == 3)) {
                    csv.add("a,G" + g + "," + samplesA[j] + "," + value);
                }
            }
            if (g != 3 && g != 4 && g != 5) {
                usableA.put("G" + g, a);
            }
            double[] b = new double[samplesB.length];
            for (int j = 0; j < samplesB.length; j++) {
                b[j] = Math.round(100 * Math.cos(g * 5 + j * 2)) / 10.0;
                csv.add("b,G" + g + "," + samplesB[j] + "," + b[j]);
            }
            usableB.put("G" + g, b);
        }
        csv.add("a,G1,S1,4.5");
        Path table = tmp.resolve("cohort.csv");
        Files.write(table, csv);
        Path gmt = tmp.resolve("sets.gmt");
        Files.write(gmt, List.of("up\tx\tG1\tG2\tG3\tG6", "down\tx\tG4\tG5\tG7\tG8", "mixed\tx\tG2\tG6\tG7"));
        Path fileA = tmp.resolve("a.tsv");
        Path fileB = tmp.resolve("b.tsv");
        write(fileA, samplesA, usableA);
        write(fileB, samplesB, usableB);

        ScoreRunResult fromTable = ScoreJob.run(spark, ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()),
                List.of(table.toString()), out()).partitions(3).build());
        ScoreRunResult fromFiles = ScoreJob.run(spark, ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()),
                List.of(fileA.toString(), fileB.toString()), out()).build());
        assertSameRows(rows(fromFiles.scores()), rows(fromTable.scores()), "two datasets");
        assertEquals(2, fromTable.counts().datasets());

        // every row of the table used in a scored gene or rejected, none twice
        List<Row> rejects = fromTable.rejects().collectAsList();
        List<Long> rejectedRows = rejects.stream().map(r -> r.<Long>getAs("record_number")).sorted().toList();
        assertEquals(rejectedRows.stream().distinct().count(), rejectedRows.size());
        long used = (long) usableA.size() * samplesA.length + (long) usableB.size() * samplesB.length;
        assertEquals(csv.size() - 1, used + rejects.size());
        Map<String, Long> byReason = new TreeMap<>();
        for (Row r : rejects) {
            byReason.merge(r.<String>getAs("id") + ": " + r.<String>getAs("reason"), 1L, Long::sum);
        }
        assertEquals(Map.of(
                "G1: sample S1 repeated for gene G1 (first at row 1)", 1L,
                "G3: sample S2: 'NA' is not a finite number (the gene is left out)", 1L,
                "G3: the gene is left out: its value for sample S2 is not a finite number (row 16)", 3L,
                "G4: the gene is left out: it has no value for sample S4", 3L,
                "G5: the gene is left out: it has the same value in every sample", 4L), byReason, byReason.toString());
        assertTrue(rejects.stream().allMatch(r -> "a".equals(r.getAs("dataset"))
                && table.toString().equals(r.getAs("source"))), rejects.toString());
    }

    private static void write(Path file, String[] samples, Map<String, double[]> genes) throws IOException {
        List<String> lines = new ArrayList<>(List.of("gene\t" + String.join("\t", samples)));
        genes.forEach((gene, values) -> {
            StringBuilder line = new StringBuilder(gene);
            for (double v : values) {
                line.append('\t').append(v);
            }
            lines.add(line.toString());
        });
        Files.write(file, lines);
    }

    @Test
    void aMistakeInATableNamesItAndWhatToChange() throws IOException {
        Path gmt = tmp.resolve("sets.gmt");
        Files.write(gmt, List.of("up\tx\tG1\tG2"));
        Path oneSample = tmp.resolve("one.csv");
        Files.write(oneSample, List.of("gene,S1", "G1,1", "G2,2"));
        InvalidInputException narrow = assertThrows(InvalidInputException.class, () -> ScoreJob.run(spark,
                ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()), List.of(oneSample.toString()), out())
                        .build()));
        assertTrue(narrow.getMessage().contains("the table has columns gene, S1"), narrow.getMessage());

        Path symbols = tmp.resolve("symbols.csv");
        Files.write(symbols, List.of("symbol,S1,S2,S3", "G1,1,2,3", "G2,2,3.5,1"));
        InvalidInputException noGene = assertThrows(InvalidInputException.class, () -> ScoreJob.run(spark,
                ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()), List.of(symbols.toString()), out())
                        .build()));
        assertTrue(noGene.getMessage().contains("--gene-column"), noGene.getMessage());

        // named right, the fractional count is a usage mistake naming the row; a sample without a class is bad input
        ScoreOptions.Columns bySymbol = new ScoreOptions.Columns(null, null, "symbol", null, null, null, null);
        // found by a task, it reaches the driver as the cause of the job's failure
        Throwable failure = assertThrows(Exception.class, () -> ScoreJob.run(spark,
                ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()), List.of(symbols.toString()), out())
                        .tables(bySymbol).kernel(GeneDensity.Kernel.POISSON).build()));
        while (!(failure instanceof UsageException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        UsageException counts = assertInstanceOf(UsageException.class, failure);
        assertTrue(counts.getMessage().contains(symbols + " row 2") && counts.getMessage().contains("3.5"),
                counts.getMessage());
        Path labels = tmp.resolve("labels.csv");
        Files.write(labels, List.of("sample,class", "S1,A", "S2,B"));
        InvalidInputException unlabelled = assertThrows(InvalidInputException.class, () -> ScoreJob.run(spark,
                ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()), List.of(symbols.toString()), out())
                        .tables(bySymbol).labels(List.of(labels.toString()), null).build()));
        assertTrue(unlabelled.getMessage().contains("sample S3 has no label"), unlabelled.getMessage());
    }
}
