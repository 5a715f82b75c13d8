package org.biospark.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.biospark.plot.Charts;
import org.biospark.spark.scaling.ScalingJob;
import org.biospark.spark.scaling.ScalingSchema;

/**
 * A scaling study: the measured speed-up beside the ideal and the Amdahl fit, the efficiency, the fit's serial
 * fraction and predictions, and every run.
 */
final class ScalingSection {
    private ScalingSection() {
    }

    static String html(RunDirectory run, Images images) throws IOException {
        Dataset<Row> summary = run.tables().get(ScalingSchema.SUMMARY);
        if (summary == null) {
            return "<p class=\"note\">No runs in the study.</p>\n";
        }
        List<Row> rows = summary.orderBy(ScalingSchema.PARALLELISM.name()).collectAsList();
        double[] cores = rows.stream().mapToDouble(r -> r.getInt(0)).toArray();
        double base = cores[0];
        Map<String, double[][]> speedup = new LinkedHashMap<>();
        speedup.put("measured (median job time)", new double[][] {cores, column(rows, 3)});
        speedup.put("ideal", new double[][] {cores, java.util.Arrays.stream(cores).map(k -> k / base).toArray()});
        speedup.put("Amdahl fit", new double[][] {cores, column(rows, 6)});
        Map<String, double[]> efficiency = new LinkedHashMap<>();
        efficiency.put("efficiency", column(rows, 4));
        StringBuilder html = new StringBuilder();
        List<List<Object>> facts = new ArrayList<>();
        facts.add(List.of("Amdahl serial fraction", run.manifest().path("summary").path("amdahl_serial_fraction")
                .asDouble()));
        for (int k : ScalingJob.PREDICTED) {
            facts.add(List.of("predicted speed-up at " + k + " cores", run.manifest().path("summary")
                    .path("amdahl_speedup_" + k).asDouble()));
        }
        html.append(Html.facts(facts)).append("<div class=\"plots\">\n");
        html.append(Html.image(images.save(Charts.scatter("speed-up over " + (int) base + " core"
                + (base == 1 ? "" : "s"), "cores", "speed-up", speedup), "scaling-speedup"), "speed-up"));
        html.append(Html.image(images.save(Charts.bars("efficiency (speed-up per core)", "cores", "efficiency",
                rows.stream().map(r -> Integer.toString(r.getInt(0))).toList(), efficiency), "scaling-efficiency"),
                "efficiency")).append("\n</div>\n");
        html.append(Html.table(List.of(ScalingSchema.SUMMARY_SCHEMA.fieldNames()), Html.rows(rows)));
        Dataset<Row> runs = run.tables().get(ScalingSchema.TABLE);
        if (runs != null) {
            html.append("<h3>Runs, in the order they ran</h3>\n").append(Html.table(List.of(runs.columns()),
                    Html.rows(runs.orderBy(ScalingSchema.RUN.name()).collectAsList())));
        }
        return html.toString();
    }

    private static double[] column(List<Row> rows, int c) {
        return rows.stream().mapToDouble(r -> r.getDouble(c)).toArray();
    }
}
