package org.biospark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.biospark.plot.Charts;
import org.biospark.spark.sumrange.SumRangeSchema;

/** A sumrange run: each partition's range, time and rate (integers summed per second), and where it ran. */
final class SumRangeSection {
    private SumRangeSection() {
    }

    static String html(RunDirectory run, Images images) throws IOException {
        Dataset<Row> table = run.tables().get(SumRangeSchema.TABLE);
        if (table == null) {
            return "<p class=\"note\">No partitions in the run.</p>\n";
        }
        List<Row> parts = table.orderBy(SumRangeSchema.PARTITION.name()).select(col(SumRangeSchema.PARTITION.name()),
                col(SumRangeSchema.RANGE_FROM.name()), col(SumRangeSchema.RANGE_TO.name()),
                col(SumRangeSchema.SECONDS.name()), col(SumRangeSchema.EXECUTOR_ID.name()),
                col(SumRangeSchema.HOST.name())).collectAsList();
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] rates = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Row r = parts.get(i);
            long count = r.getLong(2) - r.getLong(1);
            double seconds = r.getDouble(3);
            rates[i] = seconds > 0 ? count / seconds / 1e6 : 0;
            names.add(String.valueOf(r.get(0)));
            rows.add(List.of(r.get(0), r.getLong(1), r.getLong(2), seconds, rates[i], String.valueOf(r.get(4)),
                    String.valueOf(r.get(5))));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("rate", rates);
        return Html.image(images.save(Charts.bars("rate per partition", "partition",
                "million integers per second", names, series), "sumrange-rates"), "rate per partition") + "\n"
                + Html.table(List.of("partition", "from", "to", "seconds", "million per second", "executor", "host"),
                rows);
    }
}
