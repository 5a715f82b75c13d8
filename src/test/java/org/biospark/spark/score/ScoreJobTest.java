package org.biospark.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.geneset.SingleSampleAnalysis.Method;
import org.biospark.io.GctFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score} end to end in local[2]: the distributed scores equal to the bit the kernels' on the whole matrix
 * (which are checked against R's GSVA in SingleSampleGoldenTest), however the work is split into tasks and blocks;
 * and through the whole pipeline, the scores and Welch's test equal to R's on the development data.
 */
class ScoreJobTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private static String golden(String name) {
        return Golden.GENESET.path(name).toString();
    }

    private ScoreOptions.Builder options(Method method, String gct, String gmt) {
        return ScoreOptions.builder(method, List.of(golden(gmt)), List.of(golden(gct)),
                tmp.resolve("out-" + System.nanoTime()).toString());
    }

    /** sample, set -> score of a run's table. */
    private static Map<String, Double> scores(ScoreRunResult result) {
        Map<String, Double> scores = new HashMap<>();
        for (Row r : result.scores().collectAsList()) {
            scores.put(r.getAs("gene_set") + "\t" + r.getAs("sample"), r.<Double>getAs("score"));
        }
        return scores;
    }

    /** The kernels' scores of the whole matrix with the run's options. */
    private static Map<String, Double> kernel(String gct, String gmt, SingleSampleAnalysis.Options o)
            throws IOException {
        GctFile matrix = GctFile.read(Golden.GENESET.open(gct), gct);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String[] f : Golden.GENESET.fields(gmt)) {
            sets.put(f[0], List.of(f).subList(2, f.length));
        }
        SingleSampleAnalysis.Result r = SingleSampleAnalysis.run(matrix.genes(), matrix.values(), sets, o);
        Map<String, Double> scores = new HashMap<>();
        for (int k = 0; k < r.sets().size(); k++) {
            for (int j = 0; j < matrix.samples().size(); j++) {
                scores.put(r.sets().get(k) + "\t" + matrix.samples().get(j), r.scores()[k][j]);
            }
        }
        return scores;
    }

    @Test
    void everyMethodGivesTheKernelsScoresHoweverTheWorkIsSplit() throws IOException {
        String gct = "gsva/edge.gct";
        String gmt = "gsva/edge.gmt";
        List<ScoreOptions.Builder> variants = List.of(
                options(Method.GSVA, gct, gmt),
                options(Method.GSVA, gct, gmt).kernel(GeneDensity.Kernel.NONE).tau(0.5),
                options(Method.GSVA, gct, gmt).absRanking(true).sizes(2, 45),
                options(Method.GSVA, gct, gmt).maxDiff(false),
                options(Method.SSGSEA, gct, gmt),
                options(Method.SSGSEA, gct, gmt).normalise(false).tau(0.75),
                options(Method.ZSCORE, gct, gmt),
                options(Method.PLAGE, gct, gmt),
                options(Method.GSVA, "gsva/edge_counts.gct", gmt).kernel(GeneDensity.Kernel.POISSON));
        for (int v = 0; v < variants.size(); v++) {
            // odd variants in one task holding every sample, even ones in blocks of 5 samples over 7 tasks
            ScoreOptions o = (v % 2 == 0 ? variants.get(v).blockBytes(300 * 8 * 5).partitions(7)
                    : variants.get(v).partitions(1)).build();
            String matrix = o.expression().get(0).endsWith("edge_counts.gct") ? "gsva/edge_counts.gct" : gct;
            Map<String, Double> expected = kernel(matrix, gmt, o.analysis());
            ScoreRunResult result = ScoreJob.run(spark, o);
            assertEquals(expected, scores(result), "variant " + v + ": " + o.analysis());
            assertEquals(expected.size(), result.counts().scores());
        }
    }

    @Test
    void theDevelopmentDataGivesGsvasScoresAndRsWelchTestThroughThePipeline() throws IOException {
        Map<String, Map<String, String[]>> welch = new HashMap<>();
        for (String[] f : Golden.GENESET.rows("gsva/welch_dev.tsv")) {
            welch.computeIfAbsent(f[0], v -> new HashMap<>()).put(f[1], f);
        }
        Map<String, Map<String, Double>> expected = new HashMap<>();
        for (String[] f : Golden.GENESET.rows("gsva/gsva_dev.tsv")) {
            expected.computeIfAbsent(f[0], v -> new HashMap<>()).put(f[1] + "\t" + f[2], Double.parseDouble(f[3]));
        }
        for (Method method : List.of(Method.GSVA, Method.SSGSEA)) {
            String variant = method.toString().toLowerCase(java.util.Locale.ROOT);
            ScoreOptions o = options(method, "synth.gct", "synth.gmt").labels(List.of(golden("synth.cls")), null)
                    .wide(true).blockBytes(8000 * 8 * 3).build();
            ScoreRunResult result = ScoreJob.run(spark, o);
            Map<String, Double> ours = scores(result);
            Map<String, Double> theirs = expected.get(variant);
            assertEquals(theirs.keySet(), ours.keySet());
            double range = theirs.values().stream().mapToDouble(Math::abs).max().orElseThrow();
            theirs.forEach((key, value) -> assertEquals(value, ours.get(key),
                    1e-6 * (method == Method.SSGSEA ? range : Math.abs(value)), key));

            List<Row> tests = result.differences().collectAsList();
            assertEquals(150, tests.size());
            for (Row r : tests) {
                String[] f = welch.get(variant).get(r.<String>getAs("gene_set"));
                assertEquals("A", r.getAs("class_a"));
                assertEquals("B", r.getAs("class_b"));
                assertEquals(Integer.parseInt(f[2]), r.<Integer>getAs("n_a"));
                assertEquals(Integer.parseInt(f[3]), r.<Integer>getAs("n_b"));
                String[] columns = {"mean_a", "mean_b", "t", "df", "pval", "padj"};
                for (int c = 0; c < columns.length; c++) {
                    double their = Double.parseDouble(f[4 + c]);
                    assertEquals(their, r.<Double>getAs(columns[c]), 1e-6 * Math.abs(their) + 1e-12,
                            variant + " " + f[1] + " " + columns[c]);
                }
            }
            // the wide export holds the table's scores, a row per set and a column per sample
            GctFile wide = GctFile.read(Files.newInputStream(Path.of(result.outputDirectory().replace("file:", ""),
                    ScoreOutputs.WIDE, "synth.gct")), "wide");
            assertTrue(wide.problems().isEmpty(), wide.problems().toString());
            assertEquals(150, wide.genes().size());
            assertEquals("SET001", wide.genes().get(0));
            for (int k = 0; k < wide.genes().size(); k++) {
                for (int j = 0; j < wide.samples().size(); j++) {
                    assertEquals(ours.get(wide.genes().get(k) + "\t" + wide.samples().get(j)), wide.values()[k][j],
                            0.0);
                }
            }
        }
    }

    @Test
    void badCellsAndLinesAreRejectedOneByOneAndEveryGeneLineIsCounted() throws IOException {
        List<String> lines = new ArrayList<>(List.of("gene\tS1\tS2\tS3\tS4"));
        for (int g = 1; g <= 30; g++) {
            lines.add("G" + g + "\t" + g % 7 + "\t" + (g * 3) % 11 + "\t" + (g * 5) % 13 + "\t" + (g * 2) % 5);
        }
        lines.add("G3\t1\t2\t3\t4"); // named again: the first line is scored
        lines.add("BAD1\t1\tNA\t3\tabc"); // two cells that are not numbers: a reject each
        lines.add("BAD2\tInf\t1\t2\t3");
        lines.add("FLAT\t2\t2\t2\t2"); // constant: GSVA cannot use it
        lines.add("SHORT\t1\t2\t3"); // a field short
        lines.add("");
        Path tsv = Files.write(tmp.resolve("messy.tsv"), lines);
        Path gmt = Files.write(tmp.resolve("sets.gmt"), List.of("A\tna\tG1\tG2\tG3\tBAD1\tFLAT",
                "B\tna\tG4\tG5\tG6\tG7\tG8\tG9", "C\tna\tBAD2\tSHORT"));
        ScoreRunResult result = ScoreJob.run(spark, ScoreOptions.builder(Method.GSVA, List.of(gmt.toString()),
                List.of(tsv.toString()), tmp.resolve("messy-out").toString()).build());
        ScoreCounts c = result.counts();
        assertEquals(35, c.geneLines());
        assertEquals(30, c.genesUsed());
        assertEquals(5, c.genesLeftOut());
        assertEquals(2, c.setsScored());
        assertEquals(1, c.setsFiltered());
        assertEquals(8, c.scores());
        List<String> reasons = result.rejects().collectAsList().stream()
                .map(r -> r.getAs("line") + " " + r.getAs("id") + ": " + r.getAs("reason")).sorted().toList();
        assertEquals(6, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("32 G3: the gene is named again (the line 4"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("33 BAD1: sample S2: 'NA' is not a finite number"), reasons.toString());
        assertTrue(reasons.get(2).startsWith("33 BAD1: sample S4: 'abc'"), reasons.toString());
        assertTrue(reasons.get(3).startsWith("34 BAD2: sample S1: 'Inf'"), reasons.toString());
        assertTrue(reasons.get(4).startsWith("35 FLAT: the gene has the same value in every sample"),
                reasons.toString());
        assertTrue(reasons.get(5).startsWith("36 SHORT: expected 5 fields, found 4"), reasons.toString());
        assertEquals(6, c.rejects());
    }
}
