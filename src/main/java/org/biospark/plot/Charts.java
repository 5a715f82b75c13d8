package org.biospark.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.biospark.geneset.RunningSum;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of the notebooks and reports, drawn with XChart and rendered to PNG. Plain arrays in, charts out: no
 * Spark here, callers collect what they plot. Every chart can still be styled further before rendering.
 */
public final class Charts {
    /** Default size in pixels. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;

    private Charts() {
    }

    /**
     * Histograms of one or more groups over the same {@code bins} equal bins spanning all values, drawn as steps
     * (counts, not densities).
     */
    public static XYChart histogram(String title, String xLabel, Map<String, double[]> groups, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : groups.values()) {
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("nothing to plot: every group is empty");
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        XYChart chart = xy(title, xLabel, "count");
        for (Map.Entry<String, double[]> group : groups.entrySet()) {
            steps(chart, group.getKey(), min, max, Histograms.counts(group.getValue(), min, max, bins));
        }
        chart.getStyler().setLegendVisible(groups.size() > 1);
        return chart;
    }

    /**
     * A histogram of counts already made, bin b over [min + b w, min + (b+1) w) as {@link Histograms#counts}
     * makes them: for values counted where they are, such as a table too large to bring to one place.
     */
    public static XYChart histogram(String title, String xLabel, double min, double max, long[] counts) {
        XYChart chart = xy(title, xLabel, "count");
        steps(chart, xLabel, min == max ? min - 0.5 : min, min == max ? max + 0.5 : max, counts);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /** A step line over the bins' edges: each count held from its bin's left edge to its right edge. */
    private static void steps(XYChart chart, String name, double min, double max, long[] counts) {
        int bins = counts.length;
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            x[b] = min + (max - min) * b / bins;
            y[b] = counts[Math.min(b, bins - 1)];
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** One group's histogram. */
    public static XYChart histogram(String title, String xLabel, double[] values, int bins) {
        return histogram(title, xLabel, Map.of(xLabel, values), bins);
    }

    /** Points, one series per group: {@code groups} maps a name to {x values, y values}. */
    public static XYChart scatter(String title, String xLabel, String yLabel, Map<String, double[][]> groups) {
        XYChart chart = xy(title, xLabel, yLabel);
        for (Map.Entry<String, double[][]> group : groups.entrySet()) {
            double[][] xy = group.getValue();
            XYSeries series = chart.addSeries(group.getKey(), xy[0], xy[1]);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        }
        chart.getStyler().setLegendVisible(groups.size() > 1);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /** Bars, one series per entry of {@code series}, each with a value per category (same order). */
    public static CategoryChart bars(String title, String xLabel, String yLabel, List<String> categories,
                                     Map<String, double[]> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            if (s.getValue().length != categories.size()) {
                throw new IllegalArgumentException("series " + s.getKey() + " has " + s.getValue().length
                        + " values for " + categories.size() + " categories");
            }
            chart.addSeries(s.getKey(), categories, Arrays.stream(s.getValue()).boxed().toList());
        }
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 60 : 0);
        return chart;
    }

    /**
     * GSEA's enrichment plot: the running sum over the ranked list, a tick under it for each gene of the set, the
     * peak marked.
     */
    public static XYChart enrichment(String title, RunningSum sum) {
        XYChart chart = xy(title, "rank in the ordered list", "running enrichment score");
        int n = sum.length();
        // each bucket's lowest and highest point, in rank order: the line as drawn, at a fraction of the points
        int step = Math.max(1, n / 1500);
        List<Double> ranks = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < n; r += step) {
            int lo = r;
            int hi = r;
            for (int k = r; k < Math.min(n, r + step); k++) {
                lo = sum.values()[k] < sum.values()[lo] ? k : lo;
                hi = sum.values()[k] > sum.values()[hi] ? k : hi;
            }
            for (int k : lo <= hi ? new int[] {lo, hi} : new int[] {hi, lo}) {
                ranks.add((double) k);
                values.add(sum.values()[k]);
            }
        }
        double low = Math.min(0, Arrays.stream(sum.values()).min().orElse(0));
        double high = Math.max(0, Arrays.stream(sum.values()).max().orElse(0));
        double tick = (high - low) * 0.08;
        XYSeries line = chart.addSeries("running sum", ranks, values);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(0x2e7d32));
        // Ticks: one short vertical segment per hit, separated by gaps (null y values break an XChart line).
        List<Double> tickX = new ArrayList<>();
        List<Double> tickY = new ArrayList<>();
        for (int hit : sum.hits()) {
            tickX.addAll(List.of((double) hit, (double) hit, (double) hit));
            tickY.add(low - tick * 1.5);
            tickY.add(low - tick * 0.5);
            tickY.add(null);
        }
        XYSeries ticks = chart.addSeries("genes of the set", tickX, tickY);
        ticks.setMarker(SeriesMarkers.NONE);
        ticks.setLineColor(Color.BLACK);
        XYSeries zero = chart.addSeries("zero", new double[] {0, n - 1}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        XYSeries peak = chart.addSeries(String.format("ES %.3f at rank %d", sum.enrichment().es(), sum.peak()),
                new double[] {sum.peak()}, new double[] {sum.values()[sum.peak()]});
        peak.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        peak.setMarker(SeriesMarkers.DIAMOND);
        peak.setMarkerColor(Color.RED);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) (n - 1));
        return chart;
    }

    /**
     * The lower panel of GSEA's enrichment plot: the ranked list's metric, rank by rank, with the leading edge's
     * end marked. At most {@code points} points are drawn (every k-th rank, the extremes kept), which the eye cannot
     * tell from all of them at this size.
     */
    public static XYChart rankedMetric(String title, double[] metric, int peak, int points) {
        XYChart chart = xy(title, "rank in the ordered list", "ranked list metric");
        int n = metric.length;
        int step = Math.max(1, (n + points - 1) / points);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int r = 0; r < n; r += step) {
            int extreme = r;
            for (int k = r; k < Math.min(n, r + step); k++) {
                extreme = Math.abs(metric[k]) > Math.abs(metric[extreme]) ? k : extreme;
            }
            x.add((double) extreme);
            y.add(metric[extreme]);
        }
        XYSeries line = chart.addSeries("metric", x, y);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        line.setMarker(SeriesMarkers.NONE);
        line.setFillColor(new Color(0x90a4ae));
        line.setLineColor(new Color(0x607d8b));
        double low = Math.min(0, Arrays.stream(metric).min().orElse(0));
        double high = Math.max(0, Arrays.stream(metric).max().orElse(0));
        XYSeries edge = chart.addSeries("leading edge ends at rank " + peak, new double[] {peak, peak},
                new double[] {low, high});
        edge.setMarker(SeriesMarkers.NONE);
        edge.setLineColor(Color.RED);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) Math.max(1, n - 1));
        return chart;
    }

    /**
     * A heat map of {@code values[row][column]} (NaN for none) with a colour scale from blue (negative) to red
     * (positive), symmetric around zero.
     */
    public static org.knowm.xchart.HeatMapChart heatMap(String title, String xLabel, String yLabel,
                                                        List<String> columns, List<String> rows, double[][] values,
                                                        String scale) {
        org.knowm.xchart.HeatMapChart chart = new org.knowm.xchart.HeatMapChartBuilder().width(WIDTH + 280)
                .height(Math.max(HEIGHT, 120 + 18 * rows.size())).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        double extreme = 0;
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (!Double.isNaN(values[r][c])) {
                    extreme = Math.max(extreme, Math.abs(values[r][c]));
                    cells.add(new Number[] {c, r, values[r][c]});
                }
            }
        }
        extreme = extreme == 0 ? 1 : extreme;
        chart.addSeries(scale, columns, rows, cells);
        chart.getStyler().setMin(-extreme);
        chart.getStyler().setMax(extreme);
        chart.getStyler().setRangeColors(new Color[] {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)});
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(columns.size() > 4 ? 60 : 0);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(java.util.Locale.ROOT, "%s %.2f", scale,
                v));
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        return chart;
    }

    /** Images one above the other, as one image: GSEA's plot of a running sum over its ranked metric. */
    public static BufferedImage stacked(List<BufferedImage> images) {
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, 0, y, null);
            y += image.getHeight();
        }
        g.dispose();
        return all;
    }

    /** The chart as an image: what a notebook displays. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The chart as a PNG file. */
    public static Path save(Chart<?, ?> chart, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }

    private static XYChart xy(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##");
        chart.getStyler().setXAxisTickMarkSpacingHint(90); // labels such as 10,000 need the room
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        return chart;
    }
}
