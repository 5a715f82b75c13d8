package org.biospark.spark.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.geneset.GseaResult;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.geneset.RankedList;
import org.biospark.geneset.RankingMetric;
import org.biospark.io.GmtFile;
import org.biospark.io.InvalidInputException;
import org.biospark.io.RankFile;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gsea} end to end in local[2], against fgsea, GSEA desktop and R, and against itself split differently. */
class GseaJobTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    /** A golden input, as the path a job takes. */
    private static String resource(String name) {
        return Golden.GENESET.path(name).toString();
    }

    private GseaOptions preranked(List<String> ranks, int permutations, boolean multilevel, int partitions) {
        return GseaOptions.builder(List.of(gmt()), tmp.resolve("out-" + System.nanoTime()).toString()).ranks(ranks)
                .permutations(permutations).multilevel(multilevel).partitions(partitions).build();
    }

    private static String gmt() {
        return resource("example.gmt");
    }

    private static Map<String, Row> byKey(GseaRunResult result) {
        return result.gsea().collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs("dataset") + "/" + r.getAs("gene_set"), r -> r));
    }

    @Test
    void exampleDataGivesFgseasEsAndLeadingEdgesAndTheKernelsNumbers() throws Exception {
        GseaRunResult result = GseaJob.run(spark, preranked(List.of(resource("example.rnk")), 1000, true, 4));
        Map<String, Row> rows = byKey(result);
        assertEquals(586, rows.size());
        // pathway pval padj ES NES size log2err edge
        for (String[] g : Golden.GENESET.rows("fgsea_multilevel_example.tsv")) {
            Row r = rows.get("example/" + g[0]);
            assertEquals(Double.parseDouble(g[3]), r.<Double>getAs("es"), 1e-9, g[0]);
            assertEquals(Integer.parseInt(g[5]), r.<Integer>getAs("size"), g[0]);
            assertEquals(List.of(g[7].split(",")), r.getList(r.fieldIndex("leading_edge")), g[0]);
        }
        // the distributed run (4 permutation blocks, joined) gives exactly the kernel's numbers
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"), "r").scores());
        Map<GeneSetKey, List<String>> sets = new java.util.LinkedHashMap<>();
        GmtFile.read(Golden.GENESET.open("example.gmt"), "g").sets()
                .forEach((name, genes) -> sets.put(new GeneSetKey("example", name), genes));
        for (GseaResult<GeneSetKey> k : PrerankedGsea.run(list, sets,
                new PrerankedGsea.Options(1.0, 1000, 15, 500, 42, PrerankedGsea.Multilevel.DEFAULT))) {
            Row r = rows.get("example/" + k.name().name());
            assertEquals(k.nes(), r.<Double>getAs("nes"), 0.0);
            assertEquals(k.pval(), r.<Double>getAs("pval"), 0.0);
            assertEquals(k.padj(), r.<Double>getAs("padj"), 0.0);
            assertEquals(k.fdrQ(), r.<Double>getAs("fdr_q"), 0.0);
            assertEquals(k.fwer(), r.<Double>getAs("fwer"), 0.0);
        }
        assertEquals(586L, result.counts().setsTested());
        assertEquals(1457L - 586L, result.counts().setsFiltered());
        // every set is either tested or rejected by the size filter, per dataset
        assertEquals(1457L - 586L, result.rejects().filter("reason like 'size %'").count());
    }

    @Test
    void threeDatasetsInOneRunEqualThreeSeparateRunsHoweverSplit() throws Exception {
        List<String> ranks = new ArrayList<>();
        List<String[]> lines = Golden.GENESET.fields("example.rnk");
        for (int d = 0; d < 3; d++) {
            SplittableRandom random = new SplittableRandom(100 + d);
            Path file = tmp.resolve("noisy" + d + ".rnk");
            Files.write(file, lines.stream()
                    .map(f -> f[0] + "\t" + (Double.parseDouble(f[1]) + random.nextGaussian() * 0.3)).toList());
            ranks.add(file.toString());
        }
        GseaRunResult split = GseaJob.run(spark, preranked(ranks, 200, false, 12)); // permutations in blocks
        Map<String, Row> together = byKey(split);
        assertEquals(3 * 586, together.size(), "the noise keeps every set's size");
        GseaRunResult onePass = GseaJob.run(spark, preranked(ranks, 200, false, 3)); // a task per dataset
        assertEquals(together.keySet(), byKey(onePass).keySet());
        assertEquals(rejects(split), rejects(onePass), "rejects set aside by the tasks, or made on the driver");
        assertTrue(rejects(onePass).size() > 3 * 871, "the size filter's and the missing genes' rejects");
        for (String key : List.of("datasets", "dataset_lines", "dataset_lines_used", "sets_tested", "sets_filtered",
                "gsea", "rejects")) {
            assertEquals(split.counts().asMap().get(key), onePass.counts().asMap().get(key), key);
        }
        List<Row> onePassRows = onePass.gsea().collectAsList();
        for (String rnk : ranks) {
            Map<String, Row> alone = byKey(GseaJob.run(spark, preranked(List.of(rnk), 200, false, 1))); // one task
            alone.forEach((key, row) -> {
                Row other = together.get(key);
                for (String column : List.of("es", "nes", "pval", "padj", "padj_collection", "fdr_q", "fwer",
                        "log2err", "rank_at_max", "leading_edge", "size")) {
                    assertEquals(String.valueOf(row.<Object>getAs(column)), String.valueOf(other.<Object>getAs(column)),
                            key + " " + column);
                }
            });
        }
        Map<String, Row> byKeyOnePass = onePassRows.stream().collect(Collectors.toMap(
                r -> r.getAs("dataset") + "/" + r.getAs("gene_set"), r -> r));
        together.forEach((key, row) -> assertEquals(row.toString(), byKeyOnePass.get(key).toString(), key));
    }

    /** A run's rejects as sorted lines: every column. */
    private static List<String> rejects(GseaRunResult result) {
        return result.rejects().collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void aTruncatedDatasetFileStopsTheOnePassRunWithItsNameAndWritesNothing() throws Exception {
        List<String> ranks = new ArrayList<>();
        byte[] example = Files.readAllBytes(Golden.GENESET.path("example.rnk"));
        for (int d = 0; d < 4; d++) {
            Path file = tmp.resolve("cut" + d + ".rnk.gz");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
                gz.write(example);
            }
            byte[] whole = bytes.toByteArray();
            Files.write(file, d == 2 ? java.util.Arrays.copyOf(whole, whole.length / 2) : whole);
            ranks.add(file.toString());
        }
        GseaOptions o = preranked(ranks, 100, false, 4);
        Exception e = assertThrows(Exception.class, () -> GseaJob.run(spark, o));
        Throwable cause = org.biospark.cli.ErrorReporterAccess.userError(e);
        assertTrue(cause instanceof InvalidInputException, "expected bad input, got " + e);
        assertTrue(cause.getMessage().contains("cut2.rnk.gz"), cause.getMessage());
        assertTrue(!Files.exists(Path.of(o.out())), "nothing is written");
        try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains("staging")).toList(),
                    "no staging directory is left behind");
        }
    }

    @Test
    void phenotypeModeOnTheDevelopmentDataAgreesWithGseaDesktop() throws Exception {
        GseaOptions o = GseaOptions.builder(List.of(resource("synth.gmt")), tmp.resolve("pheno").toString())
                .expression(List.of(resource("synth.gct")), List.of(resource("synth.cls")))
                .metric(RankingMetric.SIGNAL2NOISE).seed(149).classA("A").build();
        GseaRunResult result = GseaJob.run(spark, o);
        Map<String, Row> rows = byKey(result);
        int compared = 0;
        // pathway pval padj ES NES size fwer rank edge
        for (String[] g : Golden.GENESET.rows("gsea_desktop_phenotype_dev.tsv")) {
            Row r = rows.get("synth/" + g[0]);
            assertEquals(Double.parseDouble(g[3]), r.<Double>getAs("es"), 1e-5, g[0]);
            assertEquals(List.of(g[8].split(",")), r.getList(r.fieldIndex("leading_edge")), g[0]);
            compared++;
        }
        assertTrue(compared >= 100);
        List<String> top = result.gsea().orderBy(org.apache.spark.sql.functions.abs(
                org.apache.spark.sql.functions.col("nes")).desc()).limit(15).collectAsList().stream()
                .map(r -> r.<String>getAs("gene_set")).toList();
        assertTrue(top.stream().allMatch(name -> Integer.parseInt(name.substring(3)) <= 20), "top 15: " + top);
    }

    @Test
    void overRepresentationEqualsR() throws Exception {
        GseaOptions o = GseaOptions.builder(List.of(gmt()), tmp.resolve("ora").toString())
                .genes(List.of(resource("ora/ora_example_genes.txt")), tmp.resolve("universe.txt").toString()).build();
        Files.write(tmp.resolve("universe.txt"), Golden.GENESET.fields("example.rnk").stream().map(f -> f[0]).toList());
        Map<String, Row> rows = byKey(GseaJob.run(spark, o));
        List<String[]> golden = Golden.GENESET.rows("ora/ora_example.tsv"); // gene_set size overlap expected pval padj
        assertEquals(golden.size(), rows.size());
        for (String[] g : golden) {
            Row r = rows.get("ora_example_genes/" + g[0]);
            assertEquals(Integer.parseInt(g[1].strip()), r.<Integer>getAs("size"), g[0]);
            assertEquals(Integer.parseInt(g[2].strip()), r.<Integer>getAs("overlap"), g[0]);
            double p = Double.parseDouble(g[4].strip());
            assertEquals(p, r.<Double>getAs("pval"), 1e-12 * p, g[0]);
            double padj = Double.parseDouble(g[5].strip());
            assertEquals(padj, r.<Double>getAs("padj"), 1e-12 * padj, g[0]);
        }
    }

    @Test
    void plantedBadLinesGoToRejectsWithTheirReasonAndEveryLineIsCounted() throws Exception {
        Path gmt = tmp.resolve("bad.gmt");
        List<String> good = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            StringBuilder line = new StringBuilder("SET" + s + "\tdescription");
            for (int g = 0; g < 20; g++) {
                line.append("\tG").append(s * 10 + g);
            }
            good.add(line.toString());
        }
        Files.write(gmt, List.of(good.get(0), "ONLY_TWO\tfields", good.get(1), good.get(0), good.get(2)));
        Path rnk = tmp.resolve("bad.rnk");
        List<String> rnkLines = new ArrayList<>();
        for (int g = 0; g < 100; g++) {
            rnkLines.add("G" + g + "\t" + (50 - g) * 0.1);
        }
        rnkLines.add(5, "G3\t9.9");
        rnkLines.add(9, "G200\tNaN");
        rnkLines.add(12, "G201\tbig");
        Files.write(rnk, rnkLines);
        GseaOptions o = GseaOptions.builder(List.of(gmt.toString()), tmp.resolve("bad-out").toString())
                .ranks(List.of(rnk.toString())).permutations(100).seed(1).build();
        GseaRunResult result = GseaJob.run(spark, o);
        Map<String, String> reasons = result.rejects().collectAsList().stream().collect(Collectors.toMap(
                r -> r.<String>getAs(RejectsSchema.SOURCE.name()).replaceAll(".*/", "") + ":"
                        + r.<Long>getAs(RejectsSchema.LINE.name()),
                r -> r.<String>getAs(RejectsSchema.REASON.name()), (a, b) -> a + "; " + b));
        assertEquals("a gene set needs a name, a description and genes: found 2 fields", reasons.get("bad.gmt:2"));
        assertEquals("duplicate gene set name (first at line 1)", reasons.get("bad.gmt:4"));
        assertEquals("duplicate gene (first at line 4)", reasons.get("bad.rnk:6"));
        assertEquals("statistic 'NaN' is not a finite number", reasons.get("bad.rnk:10"));
        assertEquals("statistic 'big' is not a finite number", reasons.get("bad.rnk:13"));
        // SET2's genes G20..G39 are only partly in the list (G0..G99): all there; so every set is tested
        assertEquals(3L, result.counts().setsTested());
        assertEquals(5L, result.counts().geneSetLines(), "3 sets + 2 bad lines");
        assertEquals(103L, result.counts().datasetLines());
        assertEquals(100L, result.counts().datasetLinesUsed());
        assertEquals(5L, result.counts().rejects());
    }

    @Test
    void aMalformedFileStopsTheRunWithItsName() throws Exception {
        Path gct = tmp.resolve("broken.gct");
        Files.write(gct, List.of("#1.2", "x y", "NAME\tDescription\tS1"));
        Path cls = tmp.resolve("broken.cls");
        Files.write(cls, List.of("1 2 1", "# A B", "A"));
        GseaOptions o = GseaOptions.builder(List.of(gmt()), tmp.resolve("never").toString())
                .expression(List.of(gct.toString()), List.of(cls.toString())).permutations(100).seed(1).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GseaJob.run(spark, o));
        assertTrue(e.getMessage().contains("line 2 of") && e.getMessage().contains("broken.gct"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("never")), "nothing is written");
    }
}
