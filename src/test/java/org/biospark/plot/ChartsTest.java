package org.biospark.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.biospark.geneset.RankedList;
import org.biospark.geneset.RunningSum;
import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartsTest {
    @TempDir
    Path tmp;

    /** Distinct colours in the image: a blank or single-colour render has one or two. */
    private static long colours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }

    @Test
    void countsBinsLikeTheDocumentSays() {
        assertArrayEquals(new long[] {2, 1, 0, 2}, Histograms.counts(new double[] {0, 0.2, 0.3, 0.8, 1.0, 1.5, -1,
                Double.NaN}, 0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Histograms.counts(new double[] {1}, 1, 1, 3));
    }

    @Test
    void histogramStepsHoldEveryValueOnce() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i) * 10;
        }
        XYChart chart = Charts.histogram("sin", "value", Map.of("a", values, "b", new double[] {-10, 10}), 20);
        double[] y = chart.getSeriesMap().get("a").getYData();
        double total = 0;
        for (int b = 0; b < 20; b++) {
            total += y[b];
        }
        assertEquals(1000, total, "the last point only repeats the last bin");
        assertEquals(y[19], y[20]);
        BufferedImage image = Charts.image(chart);
        assertEquals(Charts.WIDTH, image.getWidth());
        assertTrue(colours(image) > 10);
    }

    @Test
    void enrichmentPlotOfARealSetIsAPng() throws IOException {
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"),
                "example.rnk").scores());
        GmtFile gmt = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt");
        String name = "5991130_Programmed_Cell_Death";
        RunningSum sum = RunningSum.of(list, gmt.sets().get(name), 1.0);
        XYChart chart = Charts.enrichment(name, sum);
        // the line holds each bucket's lowest and highest point: fewer points, the same extremes and peak
        double[] drawn = chart.getSeriesMap().get("running sum").getYData();
        assertTrue(drawn.length < sum.length() / 3 && drawn.length > 1000, Integer.toString(drawn.length));
        double[] all = sum.values();
        assertEquals(java.util.Arrays.stream(all).max().getAsDouble(), java.util.Arrays.stream(drawn).max()
                .getAsDouble());
        assertEquals(java.util.Arrays.stream(all).min().getAsDouble(), java.util.Arrays.stream(drawn).min()
                .getAsDouble());
        assertTrue(java.util.Arrays.stream(drawn).anyMatch(v -> v == all[sum.peak()]));
        assertEquals(3 * sum.hits().length, chart.getSeriesMap().get("genes of the set").getXData().length);
        Path png = Charts.save(chart, tmp.resolve("plots/enrichment.png"));
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(Charts.HEIGHT, read.getHeight());
        assertTrue(colours(read) > 10);
        if (Files.isDirectory(Path.of("target/keep-plots"))) {
            Files.copy(png, Path.of("target/enrichment-example.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Charts.save(Charts.bars("bars", "set", "NES", List.of("a", "b", "c"),
                    new LinkedHashMap<>(Map.of("d1", new double[] {1, -2, 3}))), Path.of("target/bars-example.png"));
        }
    }
}
