package org.biospark.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.spark.gsea.EnrichmentCurves;
import org.biospark.spark.gsea.GeneSetKey;
import org.biospark.spark.gsea.GseaSchema;

/**
 * A gsea run: its datasets at a glance, the sets significant anywhere across datasets, and for the leading datasets
 * the table of their tested sets, the enrichment plots of their top sets (recomputed from the run's inputs, see
 * {@link EnrichmentCurves}) and the overlap of those sets' leading edges. Only the leading datasets get pages of
 * their own, so that a run of thousands of datasets makes a report that opens at once; every dataset's rows stay in
 * the run's {@code gsea} table.
 */
final class GseaSection {
    /** The adjusted p below which a set counts as significant here. */
    static final double SIGNIFICANT = 0.05;

    private GseaSection() {
    }

    static String html(SparkSession spark, java.nio.file.Path report, int number, RunDirectory run, ReportOptions o,
                       Images images)
            throws IOException {
        Dataset<Row> gsea = run.tables().get(GseaSchema.TABLE);
        if (gsea == null) {
            return "<p class=\"note\">No results: no set was tested (see the rejects and the counts above).</p>\n";
        }
        // read once: the sections ask it several questions, and a run of many datasets is many partition files
        gsea = gsea.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            return html(spark, report, number, run, o, images, gsea);
        } finally {
            gsea.unpersist();
        }
    }

    private static String html(SparkSession spark, java.nio.file.Path report, int number, RunDirectory run,
                               ReportOptions o, Images images, Dataset<Row> gsea) throws IOException {
        boolean ora = gsea.filter(col(GseaSchema.METHOD.name()).equalTo("ora")).limit(1).count() > 0;
        Dataset<Row> datasets = gsea.groupBy(GseaSchema.DATASET.name()).agg(functions.count("*").as("tested"),
                functions.sum(when(col("padj").lt(SIGNIFICANT), 1).otherwise(0)).as("significant"),
                functions.sum(when(col("padj").lt(SIGNIFICANT).and(col("nes").gt(0)), 1).otherwise(0)).as("up"),
                functions.sum(when(col("padj").lt(SIGNIFICANT).and(col("nes").lt(0)), 1).otherwise(0)).as("down"),
                functions.min_by(col("gene_set"), functions.struct(col("padj"), col("pval"))).as("top_set"),
                functions.min(col("padj")).as("top_padj"))
                .orderBy(col("significant").desc(), col("top_padj"), col(GseaSchema.DATASET.name()));
        List<Row> all = datasets.collectAsList();
        StringBuilder html = new StringBuilder();
        List<List<Object>> rows = new ArrayList<>();
        List<String> paged = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Row d = all.get(i);
            String name = d.getString(0);
            if (i < o.datasets()) {
                paged.add(name);
            }
            rows.add(ora ? List.of(name, d.getLong(1), d.getLong(2), d.getString(5), d.getDouble(6))
                    : List.of(name, d.getLong(1), d.getLong(2), d.getLong(3), d.getLong(4), d.getString(5),
                    d.getDouble(6)));
        }
        html.append("<h3>Datasets: ").append(all.size()).append("</h3>\n");
        html.append(Html.table(ora ? List.of("dataset", "sets tested", "padj < 0.05", "top set", "its padj")
                : List.of("dataset", "sets tested", "padj < 0.05", "up", "down", "top set", "its padj"), rows));
        if (all.size() > o.datasets()) {
            html.append("<p class=\"note\">The first ").append(o.datasets()).append(" datasets (most significant"
                    + " sets first) have pages below; the other ").append(all.size() - o.datasets())
                    .append(" are in the run's table: <code>biospark sql --results ").append(Html.escape(run.path()))
                    .append(" \"SELECT * FROM gsea WHERE dataset = '...'\"</code> (or <code>--datasets N</code>)."
                            + "</p>\n");
        }
        html.append(AcrossDatasets.html(gsea, ora, images));
        Map<String, List<GeneSetKey>> top = new LinkedHashMap<>();
        Map<String, List<Row>> tested = new LinkedHashMap<>();
        for (Row r : gsea.filter(col(GseaSchema.DATASET.name()).isin(paged.toArray()))
                .orderBy(col("padj"), col("pval"), functions.abs(col(ora ? "fold_enrichment" : "nes")).desc(),
                        col("gene_set")).collectAsList()) {
            tested.computeIfAbsent(r.getAs("dataset"), d -> new ArrayList<>()).add(r);
        }
        if (!ora) {
            tested.forEach((d, sets) -> top.put(d, topSets(sets, o.plots())));
        }
        Map<String, EnrichmentCurves.Curves> curves = Map.of();
        String unavailable = null;
        if (!ora && o.plots() > 0) {
            try {
                curves = EnrichmentCurves.of(spark, EnrichmentCurves.options(run.manifest().path("parameters")), top);
            } catch (RuntimeException e) { // inputs moved, changed or unreadable: the tables still stand
                unavailable = e.getMessage();
            }
        }
        html.append("<h3>Dataset pages</h3>\n<ul>\n");
        for (String d : paged) {
            String link = DatasetPage.write(report, number, run.path(), d, tested.getOrDefault(d, List.of()), ora,
                    top.getOrDefault(d, List.of()), curves.get(d), unavailable, images);
            html.append("<li><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(d))
                    .append("</a></li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    /** The plotted sets of a dataset: the most significant up and down, alternately. */
    static List<GeneSetKey> topSets(List<Row> bySignificance, int count) {
        List<GeneSetKey> up = new ArrayList<>();
        List<GeneSetKey> down = new ArrayList<>();
        for (Row r : bySignificance) {
            Double nes = r.getAs("nes");
            (nes != null && nes < 0 ? down : up).add(new GeneSetKey(r.getAs("collection"), r.getAs("gene_set")));
        }
        List<GeneSetKey> chosen = new ArrayList<>();
        for (int i = 0; chosen.size() < count && (i < up.size() || i < down.size()); i++) {
            if (i < up.size()) {
                chosen.add(up.get(i));
            }
            if (i < down.size() && chosen.size() < count) {
                chosen.add(down.get(i));
            }
        }
        return chosen;
    }

    /** The Jaccard overlap of two leading edges. */
    static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(new HashSet<>(b));
        return union.isEmpty() ? 0 : (double) both.size() / union.size();
    }
}
