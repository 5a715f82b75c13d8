package org.biospark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.align.AlignJob;
import org.biospark.spark.align.AlignOptions;
import org.biospark.spark.gsea.EnrichmentCurves;
import org.biospark.spark.gsea.GeneSetKey;
import org.biospark.spark.gsea.GseaJob;
import org.biospark.spark.gsea.GseaOptions;
import org.biospark.spark.sumrange.SumRangeEngine;
import org.biospark.spark.sumrange.SumRangeJob;
import org.biospark.spark.sumrange.SumRangeOptions;
import org.biospark.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report of a gsea, an align and a sumrange run, read back with an HTML parser: its numbers are the tables',
 * its figures are PNG files with something drawn in them, its enrichment plots are the run's own running sums; and
 * what is not a finished run is refused, naming what is missing.
 */
class ReportTest {
    private static final SparkSession SPARK = TestSpark.session();

    @TempDir
    static Path tmp;

    static Path gsea;
    static Path align;
    static Path sumrange;

    @BeforeAll
    static void runs() throws IOException {
        List<Path> runs = runs(SPARK, tmp);
        gsea = runs.get(0);
        align = runs.get(1);
        sumrange = runs.get(2);
    }

    /** A gsea run of two datasets (fgsea's example ranks and the same upside down), an align and a sumrange run. */
    static List<Path> runs(SparkSession spark, Path dir) throws IOException {
        Path ranks = Files.createDirectories(dir.resolve("ranks"));
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (String[] f : Golden.GENESET.fields("example.rnk")) {
            up.add(f[0] + "\t" + f[1]);
            down.add(f[0] + "\t" + -Double.parseDouble(f[1]));
        }
        Files.write(ranks.resolve("up.rnk"), up);
        Files.write(ranks.resolve("down.rnk"), down);
        Path gsea = dir.resolve("gsea");
        GseaJob.run(spark, GseaOptions.builder(List.of(Golden.GENESET.path("example.gmt").toString()), gsea.toString())
                .ranks(List.of(ranks.toString())).permutations(500).multilevel().build());
        Path align = dir.resolve("align");
        AlignJob.run(spark, AlignOptions.builder(List.of(Golden.ALIGN.path("dna_queries.fa").toString()),
                Golden.ALIGN.path("dna_targets.fa").toString(), align.toString()).traceback().build());
        Path sumrange = dir.resolve("sumrange");
        SumRangeJob.run(spark, new SumRangeOptions(0, 10_000_000, 4, SumRangeEngine.SPARK, 2, sumrange.toString(),
                false));
        return List.of(gsea, align, sumrange);
    }

    /** How many colours an image has, up to three: more than two is a picture, not a blank page. */
    static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
                if (seen.size() > 2) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }

    @Test
    void theReportsNumbersAreTheTablesAndItsFiguresHoldPictures() throws IOException {
        Path out = tmp.resolve("report");
        Report.Written written = Report.write(SPARK, List.of(gsea.toString(), align.toString(), sumrange.toString()),
                out, false, new ReportOptions(2, 4, 100));
        Document index = Jsoup.parse(written.index().toFile(), "UTF-8");
        assertEquals(3, index.select("h2").size(), index.select("h2").text());

        // the datasets table: each dataset's count of tested sets and of sets with padj < 0.05
        Map<String, long[]> expected = new HashMap<>();
        for (Row r : SPARK.read().parquet(gsea.resolve("gsea").toString()).groupBy("dataset")
                .agg(org.apache.spark.sql.functions.count("*"), org.apache.spark.sql.functions.sum(
                        org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("padj").lt(0.05), 1)
                                .otherwise(0))).collectAsList()) {
            expected.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        Element datasets = index.select("h3:containsOwn(Datasets:) + table.data").first();
        assertNotNull(datasets);
        assertEquals(2, datasets.select("tbody tr").size());
        for (Element row : datasets.select("tbody tr")) {
            long[] e = expected.get(row.child(0).text());
            assertEquals(e[0], Long.parseLong(row.child(1).attr("data-v")), row.text());
            assertEquals(e[1], Long.parseLong(row.child(2).attr("data-v")), row.text());
        }

        // a dataset page: every tested set, its numbers exactly the table's
        Element link = index.select("a[href^=datasets/]").first();
        assertNotNull(link, index.html());
        Document page = Jsoup.parse(out.resolve(link.attr("href")).toFile(), "UTF-8");
        String dataset = page.title();
        Map<String, Row> rows = new HashMap<>();
        SPARK.read().parquet(gsea.resolve("gsea").toString()).filter("dataset = '" + dataset + "'").collectAsList()
                .forEach(r -> rows.put(r.getAs("gene_set"), r));
        Element tested = page.select("table.data").last();
        List<String> header = tested.select("thead th").eachText();
        assertEquals(rows.size(), tested.select("tbody tr").size());
        for (Element row : tested.select("tbody tr")) {
            Row r = rows.get(row.child(header.indexOf("gene_set")).text());
            for (String c : List.of("es", "nes", "pval", "padj", "fdr_q")) {
                assertEquals(r.<Double>getAs(c), Double.parseDouble(row.child(header.indexOf(c)).attr("data-v")), c);
            }
            assertEquals(r.<Integer>getAs("size"), Integer.parseInt(row.child(header.indexOf("size")).attr("data-v")));
        }

        // figures: every image a PNG file with more than one colour in it
        List<String> sources = new ArrayList<>(index.select("img").eachAttr("src"));
        page.select("img").eachAttr("src").forEach(s -> sources.add(s.replace("../", "")));
        assertTrue(sources.size() >= 4 + 1 + 3 + 1, sources.toString());
        assertEquals(written.figures(), Files.list(out.resolve("img")).count());
        for (String src : sources) {
            BufferedImage image = ImageIO.read(out.resolve(src).toFile());
            assertNotNull(image, src);
            assertTrue(colours(image) > 2, src + " is blank");
        }
        assertEquals(4, page.select(".plots img").size());
        assertTrue(page.select("h3").text().contains("Leading-edge overlap"), page.html());
    }

    @Test
    void theAlignmentHistogramsAreCountedAsTheChartsCountThem() {
        org.apache.spark.sql.Dataset<Row> rows = SPARK.read().parquet(align.resolve("alignments").toString());
        for (String column : List.of("score", "identity")) {
            double[] values = rows.selectExpr("CAST(" + column + " AS DOUBLE)").collectAsList().stream()
                    .mapToDouble(r -> r.getDouble(0)).toArray();
            double min = java.util.Arrays.stream(values).min().getAsDouble();
            double max = java.util.Arrays.stream(values).max().getAsDouble();
            assertTrue(max > min, column);
            assertEquals(java.util.Arrays.toString(org.biospark.plot.Histograms.counts(values, min, max,
                    AlignSection.BINS)), java.util.Arrays.toString(AlignSection.counts(rows, column, min, max)),
                    column);
        }
    }

    @Test
    void theEnrichmentPlotsAreTheRunsRunningSums() throws IOException {
        Map<String, List<GeneSetKey>> wanted = new HashMap<>();
        Map<GeneSetKey, Double> es = new HashMap<>();
        for (Row r : SPARK.read().parquet(gsea.resolve("gsea").toString()).filter("dataset = 'up'").orderBy("padj")
                .limit(5).collectAsList()) {
            GeneSetKey key = new GeneSetKey(r.getAs("collection"), r.getAs("gene_set"));
            wanted.computeIfAbsent("up", d -> new ArrayList<>()).add(key);
            es.put(key, r.getAs("es"));
        }
        EnrichmentCurves.Curves curves = EnrichmentCurves.of(SPARK, EnrichmentCurves.options(new ObjectMapper()
                .readTree(gsea.resolve("_manifest.json").toFile()).path("parameters")), wanted).get("up");
        assertEquals(5, curves.sums().size());
        curves.sums().forEach((key, sum) -> {
            assertEquals(es.get(key), sum.enrichment().es(), 1e-12, key.toString());
            assertEquals(es.get(key), sum.values()[sum.peak()], 1e-9, key.toString());
        });
    }

    @Test
    void aRunWhoseEveryRecordWasRejectedGetsAReportThatSaysSo() throws IOException {
        Path queries = Files.writeString(tmp.resolve("bad.fa"), ">q1\nJJJJ\n>q2\nXXZZ\n");
        Path run = tmp.resolve("all-rejected");
        AlignJob.run(SPARK, AlignOptions.builder(List.of(queries.toString()), Golden.ALIGN.path("dna_targets.fa")
                .toString(), run.toString()).build());
        Report.Written written = Report.write(SPARK, List.of(run.toString()), tmp.resolve("rejected-report"), false,
                ReportOptions.DEFAULT);
        Document index = Jsoup.parse(written.index().toFile(), "UTF-8");
        assertTrue(index.text().contains("No alignment rows: every query was rejected"), index.text());
        assertTrue(index.select("h3").eachText().contains("Rejects: 2 records"), index.select("h3").eachText()
                .toString());
        assertEquals(0, written.figures());
        // the report went into place whole: nothing of its staging is left beside it
        try (var beside = Files.list(tmp)) {
            assertTrue(beside.noneMatch(p -> p.getFileName().toString().contains(".report-")));
        }
    }

    @Test
    void whatIsNotAFinishedRunIsRefusedNamingWhatIsMissing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Report.write(SPARK,
                List.of(empty.toString()), tmp.resolve("r1"), false, ReportOptions.DEFAULT));
        assertTrue(e.getMessage().contains("not-a-run") && e.getMessage().contains("no _manifest.json"),
                e.getMessage());
        Path staging = Files.createDirectories(tmp.resolve(".out.staging-1234"));
        Files.writeString(staging.resolve("_manifest.pending.json"), "{}");
        e = assertThrows(InvalidInputException.class, () -> Report.write(SPARK, List.of(staging.toString()),
                tmp.resolve("r2"), false, ReportOptions.DEFAULT));
        assertTrue(e.getMessage().contains("staging directory, not a finished run"), e.getMessage());
        Path newer = Files.createDirectories(tmp.resolve("newer"));
        Files.writeString(newer.resolve("_manifest.json"), Files.readString(sumrange.resolve("_manifest.json"))
                .replaceFirst("\"schema\" : 1", "\"schema\" : 99"));
        e = assertThrows(InvalidInputException.class, () -> Report.write(SPARK, List.of(newer.toString()),
                tmp.resolve("r3"), false, ReportOptions.DEFAULT));
        assertTrue(e.getMessage().contains("run layout 99"), e.getMessage());
        Path missing = Files.createDirectories(tmp.resolve("missing"));
        Files.copy(sumrange.resolve("_manifest.json"), missing.resolve("_manifest.json"));
        e = assertThrows(InvalidInputException.class, () -> Report.write(SPARK, List.of(missing.toString()),
                tmp.resolve("r4"), false, ReportOptions.DEFAULT));
        assertTrue(e.getMessage().contains("has no sumrange/"), e.getMessage());
    }
}
