package org.biospark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.biospark.plot.Charts;
import org.biospark.spark.score.DifferenceSchema;
import org.biospark.spark.score.ScoreSchema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A score run: for its first datasets by name, the scores of the sets that stand out (those that differ most
 * between the classes when the run has labels, else those whose scores vary most across the samples) as a heat map
 * over the samples, the test of every set as a volcano plot, and a table of every scored set. Every score stays in
 * the run's {@code scores} table; the report shows what a reader takes in at a glance.
 */
final class ScoreSection {
    /** Datasets, sets and samples a section shows at most: beyond, a heat map's labels cannot be read. */
    static final int DATASETS = 6;
    static final int SETS = 30;
    static final int SAMPLES = 80;

    private ScoreSection() {
    }

    static String html(RunDirectory run, Images images) throws IOException {
        Dataset<Row> scores = run.tables().get(ScoreSchema.TABLE);
        if (scores == null) {
            return "<p class=\"note\">No scores: nothing was scored (see the rejects and the counts above).</p>\n";
        }
        Dataset<Row> differences = run.tables().get(DifferenceSchema.TABLE);
        JsonNode p = run.manifest().path("parameters");
        List<String> datasets = scores.select(ScoreSchema.DATASET.name()).distinct().orderBy(
                ScoreSchema.DATASET.name()).collectAsList().stream().map(r -> r.getString(0)).toList();
        StringBuilder html = new StringBuilder(Html.facts(List.of(
                List.of("method", p.path("method").asText().toLowerCase(java.util.Locale.ROOT)
                        + (p.path("method").asText().equalsIgnoreCase("gsva") ? " (kcdf "
                        + p.path("kcdf").asText().toLowerCase(java.util.Locale.ROOT) + ")" : "")),
                List.of("datasets", datasets.size()),
                List.of("(dataset, set) pairs scored", run.count("sets_scored")))));
        if (datasets.size() > DATASETS) {
            html.append("<p class=\"note\">The first ").append(DATASETS).append(" of ").append(datasets.size())
                    .append(" datasets by name; every dataset's scores are in the run's scores table.</p>\n");
        }
        for (String dataset : datasets.subList(0, Math.min(DATASETS, datasets.size()))) {
            html.append(dataset(dataset, scores.filter(col(ScoreSchema.DATASET.name()).equalTo(dataset)),
                    differences == null ? null : differences.filter(col(DifferenceSchema.DATASET.name())
                            .equalTo(dataset)), images));
        }
        return html.toString();
    }

    private static String dataset(String name, Dataset<Row> scores, Dataset<Row> tests, Images images)
            throws IOException {
        StringBuilder html = new StringBuilder("<h3>").append(Html.escape(name)).append("</h3>\n");
        Dataset<Row> spread = scores.groupBy(ScoreSchema.COLLECTION.name(), ScoreSchema.GENE_SET.name(),
                ScoreSchema.SIZE.name()).agg(functions.avg("score").as("mean"),
                functions.stddev_pop("score").as("sd"), functions.min("score").as("min"),
                functions.max("score").as("max"));
        List<Row> table = tests != null ? tests.drop(DifferenceSchema.DATASET.name()).orderBy(
                col("padj").asc_nulls_last(), col("pval").asc_nulls_last()).collectAsList()
                : spread.orderBy(col("sd").desc(), col("gene_set")).collectAsList();
        List<Row> top = table.subList(0, Math.min(SETS, table.size()));
        List<String> samples = scores.select(ScoreSchema.SAMPLE.name()).distinct().orderBy(
                ScoreSchema.SAMPLE.name()).limit(SAMPLES).collectAsList().stream().map(r -> r.getString(0)).toList();
        Map<String, Integer> setIndex = new HashMap<>();
        for (int k = 0; k < top.size(); k++) {
            setIndex.put(top.get(k).getString(0) + "\t" + top.get(k).getString(1), k);
        }
        Map<String, Integer> sampleIndex = new HashMap<>();
        samples.forEach(s -> sampleIndex.put(s, sampleIndex.size()));
        double[][] values = new double[top.size()][samples.size()];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        Map<String, Double> means = new HashMap<>();
        spread.collectAsList().forEach(r -> means.put(r.getString(0) + "\t" + r.getString(1), r.getDouble(3)));
        for (Row r : scores.filter(col(ScoreSchema.GENE_SET.name()).isin(top.stream().map(t -> t.getString(1))
                .distinct().toArray()).and(col(ScoreSchema.SAMPLE.name()).isin(samples.toArray())))
                .select("collection", "gene_set", "sample", "score").collectAsList()) {
            String set = r.getString(0) + "\t" + r.getString(1);
            Integer k = setIndex.get(set);
            if (k != null) {
                // centred on the set's mean, so that every method's scores read alike: above or below the set's usual
                values[k][sampleIndex.get(r.getString(2))] = r.getDouble(3) - means.get(set);
            }
        }
        html.append("<p class=\"note\">").append(top.size()).append(" of ").append(table.size()).append(" sets ")
                .append(tests != null ? "with the smallest padj of the test between the classes"
                        : "whose scores vary most across the samples")
                .append(", in ").append(samples.size()).append(samples.size() == SAMPLES ? " samples (the first by"
                        + " name)" : " samples").append("; each score less its set's mean, by colour.</p>\n");
        html.append("<div class=\"plots\">\n").append(Html.image(images.save(Charts.heatMap(name + ": scores",
                "sample", "gene set", samples, top.stream().map(t -> AcrossDatasets.shorter(t.getString(1))).toList(),
                values, "score - mean"), "score-" + name), "scores of " + top.size() + " sets in " + name));
        if (tests != null && !table.isEmpty()) {
            Map<String, double[][]> groups = new LinkedHashMap<>();
            for (boolean significant : new boolean[] {true, false}) {
                double[][] points = volcano(table, significant);
                if (points[0].length > 0) {
                    groups.put(significant ? "padj < " + GseaSection.SIGNIFICANT : "others", points);
                }
            }
            if (!groups.isEmpty()) {
                html.append(Html.image(images.save(Charts.scatter(name + ": differences between the classes",
                        "difference of mean scores", "-log10 p", groups), "volcano-" + name), "differences in "
                        + name));
            }
        }
        html.append("\n</div>\n");
        List<String> columns = new ArrayList<>(List.of(tests != null ? tests.drop(DifferenceSchema.DATASET.name())
                .columns() : spread.columns()));
        return html.append(Html.table(columns, Html.rows(table))).toString();
    }

    /** The tested sets, significant or not: (difference, -log10 p). */
    private static double[][] volcano(List<Row> tests, boolean significant) {
        List<double[]> points = new ArrayList<>();
        for (Row r : tests) {
            Object padj = r.getAs("padj");
            Object pval = r.getAs("pval");
            if (padj == null || pval == null) {
                continue;
            }
            if (((Double) padj < GseaSection.SIGNIFICANT) == significant) {
                points.add(new double[] {r.<Double>getAs("difference"), -Math.log10(Math.max((Double) pval,
                        1e-300))});
            }
        }
        return new double[][] {points.stream().mapToDouble(q -> q[0]).toArray(),
            points.stream().mapToDouble(q -> q[1]).toArray()};
    }
}
