package org.biospark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.TestSpark;
import org.biospark.geneset.SingleSampleAnalysis.Method;
import org.biospark.spark.score.ScoreJob;
import org.biospark.spark.score.ScoreOptions;
import org.biospark.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of score runs, read back with an HTML parser: with labels, every set's test in the order of its padj,
 * exactly the run's differences, beside a heat map and a volcano plot; without, every set's spread of scores in the
 * order of its standard deviation.
 */
class ScoreReportTest {
    private static final SparkSession SPARK = TestSpark.session();

    @TempDir
    Path tmp;

    private Document report(Method method, boolean labels) throws IOException {
        Path run = tmp.resolve(method + "-run");
        ScoreOptions.Builder o = ScoreOptions.builder(method, List.of(Golden.GENESET.path("synth.gmt").toString()),
                List.of(Golden.GENESET.path("synth.gct").toString()), run.toString());
        ScoreJob.run(SPARK, (labels ? o.labels(List.of(Golden.GENESET.path("synth.cls").toString()), null) : o)
                .build());
        Path out = tmp.resolve(method + "-report");
        Report.Written written = Report.write(SPARK, List.of(run.toString()), out, false, new ReportOptions(2, 4, 100));
        Document index = Jsoup.parse(written.index().toFile(), "UTF-8");
        for (String src : index.select(".plots img").eachAttr("src")) {
            BufferedImage image = ImageIO.read(out.resolve(src).toFile());
            assertNotNull(image, src);
            assertTrue(ReportTest.colours(image) > 2, src + " is blank");
        }
        return index;
    }

    private static List<Double> column(Element table, String name) {
        int c = table.select("thead th").eachText().indexOf(name);
        return table.select("tbody tr").stream().map(tr -> Double.parseDouble(tr.child(c).attr("data-v"))).toList();
    }

    @Test
    void withLabelsEverySetsTestInTheOrderOfItsPadjBesideTheHeatMapAndTheVolcano() throws IOException {
        Document index = report(Method.GSVA, true);
        assertTrue(index.select("table.meta").text().contains("gsva (kcdf gaussian)"), index.html());
        assertEquals(2, index.select(".plots img").size(), index.html());
        Element table = index.select("table.data").last();
        Map<String, Double> padj = new HashMap<>();
        for (Row r : SPARK.read().parquet(tmp.resolve("GSVA-run/differences").toString()).collectAsList()) {
            padj.put(r.getAs("gene_set"), r.getAs("padj"));
        }
        assertEquals(150, table.select("tbody tr").size());
        List<Double> shown = column(table, "padj");
        int set = table.select("thead th").eachText().indexOf("gene_set");
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(padj.get(table.select("tbody tr").get(i).child(set).text()), shown.get(i));
            assertTrue(i == 0 || shown.get(i - 1) <= shown.get(i), "padj in order at row " + i);
        }
    }

    @Test
    void withoutLabelsEverySetsSpreadInTheOrderOfItsStandardDeviation() throws IOException {
        Document index = report(Method.ZSCORE, false);
        assertEquals(1, index.select(".plots img").size(), index.html());
        Element table = index.select("table.data").last();
        assertEquals(150, table.select("tbody tr").size());
        Row widest = SPARK.read().parquet(tmp.resolve("ZSCORE-run/scores").toString()).groupBy("gene_set")
                .agg(functions.stddev_pop("score").as("sd")).orderBy(functions.col("sd").desc()).first();
        assertEquals(widest.getString(0), table.select("tbody tr").first().child(
                table.select("thead th").eachText().indexOf("gene_set")).text());
        assertEquals(widest.getDouble(1), column(table, "sd").get(0), 1e-12);
    }
}
