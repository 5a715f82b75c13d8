package org.biospark.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.biospark.spark.run.RejectsSchema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every run's section opens with, from its manifest and its rejects table: the command, its parameters and
 * inputs, where and with what it ran, when and how long, its counts, and its rejects by reason with a few examples
 * of each.
 */
final class RunSection {
    /** Examples shown per reject reason. */
    static final int EXAMPLES = 3;

    private RunSection() {
    }

    static String html(RunDirectory run) {
        JsonNode m = run.manifest();
        JsonNode rt = m.path("runtime");
        StringBuilder html = new StringBuilder();
        List<List<Object>> facts = new ArrayList<>();
        facts.add(List.of("command", run.command()));
        facts.add(List.of("directory", run.path()));
        facts.add(List.of("master", rt.path("master").asText("")));
        facts.add(List.of("parallelism", rt.path("default_parallelism").asInt()));
        facts.add(List.of("started", m.path("started").asText("")));
        facts.add(List.of("finished", m.path("finished").asText("")));
        facts.add(List.of("seconds", m.path("seconds").asDouble()));
        facts.add(List.of("versions", "biospark " + rt.path("biospark_version").asText("?") + ", Spark "
                + rt.path("spark_version").asText("?") + ", Scala " + rt.path("scala_version").asText("?")
                + ", Java " + rt.path("java_version").asText("?") + " (" + rt.path("java_vendor").asText("?")
                + ")"));
        html.append(Html.facts(facts));
        html.append("<h3>Parameters</h3>\n").append(Html.facts(fields(m.path("parameters"))));
        List<List<Object>> inputs = new ArrayList<>();
        m.path("inputs").forEach(i -> inputs.add(List.of(i.path("role").asText(), i.path("path").asText(),
                i.path("bytes").asLong())));
        if (!inputs.isEmpty()) {
            html.append("<h3>Inputs</h3>\n").append(Html.table(List.of("role", "path", "bytes"), inputs));
        }
        html.append("<h3>Counts</h3>\n").append(Html.facts(fields(m.path("counts"))));
        html.append(rejects(run));
        return html.toString();
    }

    /** The rejects by reason, most frequent first, each with a few examples. */
    static String rejects(RunDirectory run) {
        Dataset<Row> rejects = run.tables().get(RejectsSchema.TABLE);
        if (rejects == null) {
            return "<p class=\"note\">No rejects: every input record was used.</p>\n";
        }
        rejects = rejects.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            return rejects(rejects);
        } finally {
            rejects.unpersist();
        }
    }

    private static String rejects(Dataset<Row> rejects) {
        String reason = RejectsSchema.REASON.name();
        // the same reason with a record's own value in it is many reasons: group by its words before a quote
        Dataset<Row> grouped = rejects.withColumn("kind", functions.regexp_replace(col(reason),
                "'[^']*'|\\b\\d+\\b", "…"));
        List<Row> kinds = grouped.groupBy("kind").count().orderBy(col("count").desc(), col("kind")).collectAsList();
        if (kinds.isEmpty()) {
            return "<p class=\"note\">No rejects: every input record was used.</p>\n";
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<String, List<Row>> examples = new java.util.HashMap<>();
        for (Row r : grouped.withColumn("n", functions.row_number().over(org.apache.spark.sql.expressions.Window
                        .partitionBy("kind").orderBy(RejectsSchema.SOURCE.name(), RejectsSchema.RECORD_NUMBER.name(),
                                RejectsSchema.LINE.name()))).filter(col("n").leq(EXAMPLES)).collectAsList()) {
            examples.computeIfAbsent(r.getAs("kind"), k -> new ArrayList<>()).add(r);
        }
        for (Row k : kinds) {
            StringBuilder shown = new StringBuilder();
            for (Row e : examples.getOrDefault(k.getString(0), List.of())) {
                if (!shown.isEmpty()) {
                    shown.append(" | ");
                }
                long line = e.<Long>getAs(RejectsSchema.LINE.name());
                shown.append(e.<String>getAs(RejectsSchema.SOURCE.name())).append(line > 0 ? ":" + line
                        : " record " + e.getAs(RejectsSchema.RECORD_NUMBER.name())).append(" ")
                        .append(e.<String>getAs(RejectsSchema.ID.name())).append(": ")
                        .append(e.<String>getAs(reason));
            }
            rows.add(List.of(k.getString(0), k.getLong(1), shown.toString()));
        }
        long total = kinds.stream().mapToLong(r -> r.getLong(1)).sum();
        return "<h3>Rejects: " + total + " records</h3>\n"
                + Html.table(List.of("reason", "records", "examples"), rows);
    }

    /** A JSON object's fields as (name, value) rows; arrays and objects as their JSON. */
    static List<List<Object>> fields(JsonNode object) {
        List<List<Object>> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value = v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble()
                    : v.isTextual() ? v.asText() : v.isNull() ? "" : v.toString();
            rows.add(List.of(e.getKey(), value));
        }
        return rows;
    }
}
