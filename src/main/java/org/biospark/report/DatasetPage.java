package org.biospark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.biospark.geneset.RunningSum;
import org.biospark.plot.Charts;
import org.biospark.spark.gsea.EnrichmentCurves;
import org.biospark.spark.gsea.GeneSetKey;

/**
 * One dataset of a gsea run, as a page of its own: its tested sets (sortable, filterable), the enrichment plots of
 * its top sets as GSEA desktop draws them (running sum, the set's genes, the ranked list's metric, the leading edge
 * marked), and how much the leading edges of those sets overlap.
 */
final class DatasetPage {
    /** Leading-edge genes shown in a table cell; the rest are counted. */
    static final int EDGE_SHOWN = 12;

    private DatasetPage() {
    }

    /**
     * Writes the page; returns the index's link to it.
     *
     * @param sets        the dataset's rows, most significant first
     * @param unavailable why the plots could not be drawn (null when they were)
     */
    static String write(Path report, int number, String run, String dataset, List<Row> sets, boolean ora, List<GeneSetKey> top,
                        EnrichmentCurves.Curves curves, String unavailable, Images images) throws IOException {
        StringBuilder body = new StringBuilder("<p><a href=\"../index.html\">report</a> &gt; run ")
                .append(Html.escape(run)).append("</p>\n");
        Map<GeneSetKey, Row> byKey = new LinkedHashMap<>();
        sets.forEach(r -> byKey.put(new GeneSetKey(r.getAs("collection"), r.getAs("gene_set")), r));
        if (!ora) {
            body.append("<h2>Enrichment plots of the top sets</h2>\n");
            if (unavailable != null) {
                body.append("<p class=\"note\">Not drawn: the run's inputs cannot be read again (")
                        .append(Html.escape(unavailable)).append(").</p>\n");
            } else if (curves == null || curves.sums().isEmpty()) {
                body.append("<p class=\"note\">No plot: the dataset is no longer in the run's inputs.</p>\n");
            } else {
                body.append("<div class=\"plots\">\n");
                for (Map.Entry<GeneSetKey, RunningSum> e : curves.sums().entrySet()) {
                    Row r = byKey.get(e.getKey());
                    RunningSum sum = e.getValue();
                    String title = AcrossDatasets.shorter(e.getKey().name());
                    String stats = r == null ? "" : String.format(java.util.Locale.ROOT, " (NES %s, padj %s)",
                            Html.number(r.getAs("nes")), Html.number(r.getAs("padj")));
                    body.append(Html.image("../" + images.save(Charts.stacked(List.of(
                            Charts.image(Charts.enrichment(title + stats, sum)),
                            Charts.image(sizedMetric(dataset, curves.metric(), sum.peak())))),
                            dataset + "-" + e.getKey().name()), "enrichment plot of " + e.getKey().name()
                            + " in " + dataset)).append('\n');
                }
                body.append("</div>\n");
                body.append(overlap(top, byKey));
            }
        }
        body.append("<h2>Tested sets: ").append(sets.size()).append("</h2>\n");
        List<String> columns = ora
                ? List.of("collection", "gene_set", "size", "overlap", "expected", "fold_enrichment", "pval", "padj",
                "overlap_genes")
                : List.of("collection", "gene_set", "size", "es", "nes", "pval", "padj", "fdr_q", "fwer",
                "leading_edge");
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : sets) {
            List<Object> row = new ArrayList<>();
            for (String c : columns) {
                Object v = r.isNullAt(r.fieldIndex(c)) ? "" : r.getAs(c);
                if (v instanceof scala.collection.Seq<?> seq) {
                    v = edge(scala.jdk.javaapi.CollectionConverters.asJava(seq).stream().map(String::valueOf)
                            .toList());
                }
                row.add(v);
            }
            rows.add(row);
        }
        body.append(Html.table(columns, rows));
        Path dir = Files.createDirectories(report.resolve("datasets"));
        String file = "run" + number + "-" + Images.slug(dataset) + ".html";
        Files.writeString(dir.resolve(file), Html.page(dataset, body.toString()));
        return "datasets/" + file;
    }

    private static org.knowm.xchart.XYChart sizedMetric(String dataset, double[] metric, int peak) {
        org.knowm.xchart.XYChart chart = Charts.rankedMetric("ranked list of " + dataset, metric, peak, 1500);
        chart.getStyler().setChartTitleVisible(false);
        return chart;
    }

    /** A leading edge for a cell: the first genes, and how many more. */
    static String edge(List<String> genes) {
        return genes.size() <= EDGE_SHOWN ? String.join(", ", genes)
                : String.join(", ", genes.subList(0, EDGE_SHOWN)) + " and " + (genes.size() - EDGE_SHOWN) + " more";
    }

    /** The Jaccard overlap of the plotted sets' leading edges, as a table. */
    private static String overlap(List<GeneSetKey> top, Map<GeneSetKey, Row> byKey) {
        List<GeneSetKey> keys = top.stream().filter(byKey::containsKey).toList();
        if (keys.size() < 2) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Leading-edge overlap (Jaccard) of the top sets</h3>\n<table>"
                + "<thead><tr><th></th>");
        keys.forEach(k -> html.append("<th>").append(Html.escape(AcrossDatasets.shorter(k.name()))).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (GeneSetKey a : keys) {
            html.append("<tr><th>").append(Html.escape(AcrossDatasets.shorter(a.name()))).append("</th>");
            for (GeneSetKey b : keys) {
                double j = GseaSection.jaccard(byKey.get(a).getList(byKey.get(a).fieldIndex("leading_edge")),
                        byKey.get(b).getList(byKey.get(b).fieldIndex("leading_edge")));
                int shade = (int) Math.round(255 - 120 * j);
                html.append("<td class=\"n\" style=\"background:rgb(").append(shade).append(',').append(shade)
                        .append(",255)\">").append(Html.number(j)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }
}
