package org.biospark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.biospark.Choice;
import org.biospark.UsageException;
import org.biospark.spark.ResultViews;
import org.biospark.spark.SparkSessions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code biospark sql}: Spark SQL over the results of one or more runs. */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Query the results of runs, and any table or file, with Spark SQL and biospark's functions.",
            "Views of --results: gsea, alignments, rejects, sumrange (each with a 'run' column) and runs (one row per "
                + "manifest). Without --results: tables and files as Spark reads them, e.g. "
                + "SELECT * FROM parquet.`reads.parquet`."})
final class SqlCommand implements Callable<Integer> {
    /** How the answer is given. */
    enum Format implements Choice {
        /** Printed as an aligned text table. */
        TABLE,
        /** Printed, or written to --out, as CSV. */
        CSV,
        /** Written to --out as Parquet. */
        PARQUET;

        @Override
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--results", arity = "1..*", paramLabel = "DIR",
            description = "Run output directories (the --out of earlier runs).")
    List<String> results = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|parquet",
            description = "table (printed), csv (printed, or written to --out) or parquet (written to --out).")
    Format format;

    @Option(names = "--out", paramLabel = "PATH", description = "Where csv or parquet output goes (a directory).")
    String out;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
            description = "Rows printed as a table (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "The SQL query, e.g. \"SELECT * FROM gsea LIMIT 5\" (after the run directories, or after --).")
    String query;

    @Override
    public Integer call() {
        if (query == null && results.size() > 1 && results.get(results.size() - 1).strip().contains(" ")) {
            // --results takes every word up to the next option, so the query given after it lands there
            query = results.remove(results.size() - 1);
        }
        if (query == null) {
            throw new UsageException("give the SQL query after the run directories");
        }
        if (format == Format.PARQUET && out == null) {
            throw new UsageException("--format parquet needs --out");
        }
        SparkSession spark = SparkSessions.getOrCreate("biospark sql");
        if (!results.isEmpty()) {
            ResultViews.register(spark, results);
        }
        Dataset<Row> answer = ResultViews.query(spark, query);
        PrintWriter printer = spec.commandLine().getOut();
        switch (format) {
            case PARQUET -> {
                answer.write().parquet(out);
                printer.println("wrote " + spark.read().parquet(out).count() + " rows to " + out);
            }
            case CSV -> {
                Dataset<Row> flat = flatten(answer);
                if (out != null) {
                    flat.write().option("header", true).csv(out);
                    printer.println("wrote " + flat.count() + " rows to " + out);
                } else {
                    printer.println(String.join(",", flat.columns()));
                    for (Row r : flat.collectAsList()) {
                        List<String> cells = new ArrayList<>();
                        for (int i = 0; i < r.size(); i++) {
                            cells.add(csv(r.isNullAt(i) ? "" : String.valueOf(r.get(i))));
                        }
                        printer.println(String.join(",", cells));
                    }
                }
            }
            case TABLE -> printTable(answer, limit, printer);
        }
        printer.flush();
        return ExitCodes.OK;
    }

    /** Array columns as comma-separated text, which CSV can hold. */
    static Dataset<Row> flatten(Dataset<Row> table) {
        List<Column> columns = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            Column c = functions.col("`" + f.name() + "`");
            columns.add(f.dataType() instanceof ArrayType
                    ? functions.concat_ws(",", c.cast("array<string>")).as(f.name()) : c);
        }
        return table.select(columns.toArray(new Column[0]));
    }

    private static String csv(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** The first {@code limit} rows as an aligned text table. */
    static void printTable(Dataset<Row> table, int limit, PrintWriter out) {
        String[] names = table.columns();
        List<Row> rows = flatten(table).limit(limit + 1).collectAsList();
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            width[i] = names[i].length();
        }
        for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
            String[] line = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                line[i] = cell(r, i);
                width[i] = Math.max(width[i], line[i].length());
            }
            cells.add(line);
        }
        out.println(row(names, width));
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append(rule.length() == 0 ? "" : "  ").append("-".repeat(w));
        }
        out.println(rule);
        cells.forEach(line -> out.println(row(line, width)));
        out.println(rows.size() > limit ? "(first " + limit + " rows; --limit shows more)"
                : "(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
    }

    private static String cell(Row r, int i) {
        if (r.isNullAt(i)) {
            return "NULL";
        }
        Object v = r.get(i);
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a != 0 && (a < 1e-3 || a >= 1e7) ? String.format("%.4e", d) : String.format("%.6g", d);
        }
        String text = String.valueOf(v);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String row(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cells[i]));
        }
        return line.toString().stripTrailing();
    }
}
