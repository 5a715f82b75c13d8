package org.biospark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.biospark.plot.Charts;

/**
 * The sets significant anywhere, across datasets: a heat map of their NES (or, for ORA, their -log10 padj) in the
 * datasets where they are most often significant, and the same as a table with every dataset's padj.
 */
final class AcrossDatasets {
    /** Sets and datasets the heat map shows at most: beyond, the labels cannot be read. */
    static final int SETS = 40;
    static final int DATASETS = 40;

    private AcrossDatasets() {
    }

    static String html(Dataset<Row> gsea, boolean ora, Images images) throws IOException {
        List<Row> sets = gsea.filter(col("padj").lt(GseaSection.SIGNIFICANT))
                .groupBy("collection", "gene_set").agg(functions.count("*").as("datasets"),
                        functions.min("padj").as("best"))
                .orderBy(col("datasets").desc(), col("best"), col("gene_set")).limit(SETS).collectAsList();
        if (sets.isEmpty()) {
            return "<p class=\"note\">No set has padj &lt; " + GseaSection.SIGNIFICANT + " in any dataset.</p>\n";
        }
        List<String> setNames = sets.stream().map(r -> r.getString(1)).toList();
        List<Row> datasets = gsea.filter(col("padj").lt(GseaSection.SIGNIFICANT)).groupBy("dataset").count()
                .orderBy(col("count").desc(), col("dataset")).limit(DATASETS).collectAsList();
        List<String> datasetNames = datasets.stream().map(r -> r.getString(0)).toList();
        String value = ora ? "-log10 padj" : "NES";
        double[][] values = new double[setNames.size()][datasetNames.size()];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        Map<String, Integer> setIndex = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            setIndex.put(sets.get(i).getString(0) + "\t" + sets.get(i).getString(1), i);
        }
        for (Row r : gsea.filter(col("dataset").isin(datasetNames.toArray()).and(col("gene_set").isin(
                setNames.toArray()))).select("dataset", "collection", "gene_set", "nes", "padj").collectAsList()) {
            Integer s = setIndex.get(r.getString(1) + "\t" + r.getString(2));
            if (s == null) {
                continue;
            }
            int d = datasetNames.indexOf(r.getString(0));
            double p = r.getDouble(4);
            values[s][d] = ora ? -Math.log10(Math.max(p, 1e-300)) : r.isNullAt(3) ? Double.NaN : r.getDouble(3);
        }
        StringBuilder html = new StringBuilder("<h3>Sets significant anywhere</h3>\n");
        html.append("<p class=\"note\">").append(sets.size()).append(" sets with padj &lt; ")
                .append(GseaSection.SIGNIFICANT).append(" in the most datasets, in the ").append(datasetNames.size())
                .append(" datasets with the most such sets; ").append(value).append(" by colour.</p>\n");
        html.append(Html.image(images.save(Charts.heatMap(value + " of the sets significant anywhere", "dataset",
                "gene set", datasetNames, setNames.stream().map(AcrossDatasets::shorter).toList(), values, value),
                "across-datasets"), value + " of " + sets.size() + " sets across " + datasetNames.size()
                + " datasets")).append('\n');
        List<String> columns = new ArrayList<>(List.of("collection", "gene_set", "significant in"));
        datasetNames.forEach(d -> columns.add(d + " " + value));
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            List<Object> row = new ArrayList<>(List.of(sets.get(s).getString(0), sets.get(s).getString(1),
                    sets.get(s).getLong(2)));
            for (int d = 0; d < datasetNames.size(); d++) {
                row.add(Double.isNaN(values[s][d]) ? "" : (Object) values[s][d]);
            }
            rows.add(row);
        }
        return html.append(Html.table(columns, rows)).toString();
    }

    /** A set's name as an axis label: long names cut, the end kept visible. */
    static String shorter(String name) {
        return name.length() > 48 ? name.substring(0, 45) + "..." : name;
    }
}
