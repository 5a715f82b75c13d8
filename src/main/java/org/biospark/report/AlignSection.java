package org.biospark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.biospark.plot.Charts;
import org.biospark.spark.align.AlignmentsSchema;

/**
 * An align run: the distributions of score and identity, the hits per reference, and each query's best hit (the
 * first rows, by query; every row stays in the run's table).
 */
final class AlignSection {
    /** References the bar chart shows at most. */
    static final int REFERENCES = 30;
    static final int BINS = 40;

    private AlignSection() {
    }

    static String html(RunDirectory run, ReportOptions o, Images images) throws IOException {
        Dataset<Row> alignments = run.tables().get(AlignmentsSchema.TABLE);
        if (alignments == null) {
            return "<p class=\"note\">No alignments: no query was aligned (see the rejects and the counts"
                    + " above).</p>\n";
        }
        String score = AlignmentsSchema.SCORE.name();
        String identity = AlignmentsSchema.IDENTITY.name();
        String target = AlignmentsSchema.TARGET_ID.name();
        String query = AlignmentsSchema.QUERY_ID.name();
        StringBuilder html = new StringBuilder();
        boolean traced = java.util.Arrays.asList(alignments.columns()).contains(identity);
        Row totals = alignments.agg(functions.count("*"), functions.countDistinct(col(query)),
                functions.countDistinct(col(target)), traced ? functions.count(col(identity))
                        : functions.lit(0L)).first();
        if (totals.getLong(0) == 0) {
            return "<p class=\"note\">No alignment rows: every query was rejected, or none scored above the"
                    + " threshold (see the rejects and the counts above).</p>\n";
        }
        html.append(Html.facts(List.of(List.of("alignment rows", totals.getLong(0)),
                List.of("queries with a hit", totals.getLong(1)), List.of("references hit", totals.getLong(2)))));
        html.append("<div class=\"plots\">\n");
        html.append(Html.image(images.save(histogram(alignments, score, "alignment scores", "score"),
                "align-scores"), "histogram of alignment scores")).append('\n');
        if (totals.getLong(3) > 0) {
            html.append(Html.image(images.save(histogram(alignments, identity, "identity of the aligned columns",
                    "identity (fraction of columns)"), "align-identity"), "histogram of identity")).append('\n');
        } else {
            html.append("<p class=\"note\">No identity: the run kept no traceback (<code>--traceback</code>).</p>");
        }
        List<Row> perReference = alignments.groupBy(target).count().orderBy(col("count").desc(), col(target))
                .limit(REFERENCES).collectAsList();
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("alignment rows", perReference.stream().mapToDouble(r -> r.getLong(1)).toArray());
        html.append(Html.image(images.save(Charts.bars("hits per reference" + (totals.getLong(2) > REFERENCES
                ? " (the " + REFERENCES + " most hit)" : ""), "reference", "alignment rows",
                perReference.stream().map(r -> AcrossDatasets.shorter(r.getString(0))).toList(), bars),
                "align-references"), "hits per reference")).append("\n</div>\n");
        List<String> columns = new ArrayList<>(List.of(query, AlignmentsSchema.QUERY_LEN.name(), target,
                AlignmentsSchema.STRAND.name(), score));
        if (totals.getLong(3) > 0) {
            columns.addAll(List.of(identity, AlignmentsSchema.CIGAR.name()));
        }
        List<Row> best = alignments.withColumn("n", functions.row_number().over(Window.partitionBy(query)
                        .orderBy(col(score).desc(), col(target)))).filter(col("n").equalTo(1)).orderBy(query)
                .limit(o.rows()).select(columns.stream().map(functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
        html.append("<h3>Best hit per query").append(totals.getLong(1) > o.rows() ? " (the first " + o.rows()
                + " queries by id; all in the run's table)" : "").append("</h3>\n");
        return html.append(Html.table(columns, Html.rows(best))).toString();
    }

    /**
     * The histogram of a column, its bins counted by Spark where the rows are (a run's alignments can be far more
     * than a driver should hold), as {@link org.biospark.plot.Histograms#counts} bins them.
     */
    private static org.knowm.xchart.XYChart histogram(Dataset<Row> rows, String column, String title,
                                                      String xLabel) {
        Row range = rows.agg(functions.min(col(column).cast("double")), functions.max(col(column).cast("double")))
                .first();
        double min = range.getDouble(0);
        double max = range.getDouble(1);
        return org.biospark.plot.Charts.histogram(title, xLabel, min, max, counts(rows, column, min, max));
    }

    /** A column's values counted into {@link #BINS} equal bins over [min, max], by Spark. */
    static long[] counts(Dataset<Row> rows, String column, double min, double max) {
        long[] counts = new long[BINS];
        Dataset<Row> present = rows.filter(col(column).isNotNull());
        if (!(max > min)) {
            counts[0] = present.count();
            return counts;
        }
        org.apache.spark.sql.Column bin = functions.least(functions.floor(col(column).cast("double").minus(min)
                .divide((max - min) / BINS)), functions.lit(BINS - 1)).cast("int");
        for (Row r : present.groupBy(bin.as("bin")).count().collectAsList()) {
            counts[r.getInt(0)] = r.getLong(1);
        }
        return counts;
    }
}
