package org.biospark.spark.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.UsageException;
import org.biospark.io.InvalidInputException;

/**
 * Tables as inputs: Parquet, ORC, CSV and TSV (with a header line) by extension or by {@code --format}, and Delta
 * when {@code delta-spark} is on the class path. A table is read by Spark itself, so a directory of part files, a
 * partitioned table and {@code hdfs://} all work as they do in Spark.
 */
public final class Tables {
    /** The table formats, by the name {@code --format} takes. */
    public static final List<String> FORMATS = List.of("parquet", "orc", "csv", "tsv", "delta");
    /** A wide expression table's columns that are not samples, as GCT files have them. */
    private static final java.util.Set<String> NOT_SAMPLES = java.util.Set.of("description", "desc");

    private Tables() {
    }

    /**
     * The format of {@code path}: {@code format} when given, else from the extension (a directory: from its part
     * files, or Delta when it has a {@code _delta_log}); null when the path is not a table (a text format of its
     * own, such as RNK or FASTA).
     */
    public static String format(String path, String format, Configuration conf) {
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(f)) {
                throw new UsageException("--format must be one of " + String.join(", ", FORMATS) + ", not " + format);
            }
            return f;
        }
        String byName = byExtension(path);
        if (byName != null) {
            return byName;
        }
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p) || !fs.getFileStatus(p).isDirectory()) {
                return null;
            }
            if (fs.exists(new Path(p, "_delta_log"))) {
                return "delta";
            }
            return Arrays.stream(fs.listStatus(p)).map(s -> byExtension(s.getPath().getName()))
                    .filter(f -> f != null).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + path, e);
        }
    }

    /**
     * Whether {@code paths} name tables rather than files of a text format: by {@code format}, or each by
     * {@link #format}, a {@code .tsv} only when {@code tableOptions} were given (text formats use it too).
     *
     * @throws UsageException when some are tables and some are not, with {@code mixed} as the message
     */
    public static boolean given(List<String> paths, String format, boolean tableOptions, Configuration conf,
                                String mixed) {
        List<Boolean> tables = new java.util.ArrayList<>();
        for (String path : paths) {
            String f = format(path, format, conf);
            tables.add(f != null && (!f.equals("tsv") || format != null || tableOptions));
        }
        if (tables.contains(true) && tables.contains(false)) {
            throw new UsageException(mixed);
        }
        return !tables.isEmpty() && tables.get(0);
    }

    private static String byExtension(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|bz2)$", "");
        for (String f : List.of("parquet", "orc", "csv", "tsv")) {
            if (name.endsWith("." + f)) {
                return f;
            }
        }
        return null;
    }

    /** The bytes of a table's files; a table that is not there is bad input. */
    public static long bytes(String path, Configuration conf) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new InvalidInputException(path, "the table does not exist");
            }
            return fs.getContentSummary(p).getLength();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size " + path, e);
        }
    }

    /** Reads a table; CSV and TSV have a header line and arrive as strings, cast where a column is used. */
    public static Dataset<Row> read(SparkSession spark, String path, String format) {
        DataFrameReader reader = spark.read();
        try {
            Dataset<Row> table = switch (format) {
                case "csv" -> reader.option("header", "true").option("mode", "PERMISSIVE").csv(path);
                case "tsv" -> reader.option("header", "true").option("sep", "\t").option("mode", "PERMISSIVE")
                        .csv(path);
                case "delta" -> reader.format("delta").load(path);
                default -> reader.format(format).load(path);
            };
            table.schema(); // resolved here, so that a table Spark cannot read fails with its path
            return table;
        } catch (Exception e) { // Spark's AnalysisException (a missing path, a format it cannot read) is checked
            String message = String.valueOf(e.getMessage());
            if (format.equals("delta") && (message.contains("DATA_SOURCE_NOT_FOUND")
                    || message.contains("DELTA_CONFIGURE_SPARK_SESSION"))) {
                throw new UsageException("reading " + path + " as Delta needs delta-spark on the class path and"
                        + " the session set up for it: --packages io.delta:delta-spark_2.13:<version> --conf"
                        + " spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension --conf"
                        + " spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog");
            }
            throw new InvalidInputException(path, "cannot be read as a " + format + " table: " + firstLine(e));
        }
    }

    /**
     * Fails, naming the table, the column and the columns it has, unless {@code table} has {@code column}.
     *
     * @param hint what to change, for the message
     */
    public static void require(Dataset<Row> table, String name, String column, String hint) {
        if (!has(table, column)) {
            throw new InvalidInputException(name, "no column '" + column + "'; the table has columns "
                    + String.join(", ", table.columns()) + ": " + hint);
        }
    }

    /**
     * A wide expression table's sample columns: all but the gene column, the dataset column and a description
     * column, in table order.
     *
     * @param datasetColumn the dataset column, or null
     * @param sampleColumn  the sample column a long table would have, for the message
     * @throws InvalidInputException when there are fewer than two: the table is neither wide nor long
     */
    public static List<String> sampleColumns(Dataset<Row> table, String name, String geneColumn, String datasetColumn,
                                             String sampleColumn) {
        List<String> samples = new java.util.ArrayList<>();
        for (String column : table.columns()) {
            if (!column.equalsIgnoreCase(geneColumn) && !column.equalsIgnoreCase(String.valueOf(datasetColumn))
                    && !NOT_SAMPLES.contains(column.toLowerCase(Locale.ROOT))) {
                samples.add(column);
            }
        }
        if (samples.size() < 2) {
            throw new InvalidInputException(name, "no column '" + sampleColumn + "' and " + samples.size()
                    + " sample columns; the table has columns " + String.join(", ", table.columns()) + ": give a"
                    + " wide table (a gene column and a column per sample, at least two) or a long one of (gene,"
                    + " sample, value) rows, naming its columns with --sample-column and --value-column");
        }
        return samples;
    }

    /** A column by its name as the table spells it, quoted so that dots and spaces in it are not read as syntax. */
    public static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    /** Whether a table has a column, by Spark's rules for names (case-insensitive unless configured). */
    public static boolean has(Dataset<Row> table, String column) {
        boolean caseSensitive = Boolean.parseBoolean(table.sparkSession().conf().get("spark.sql.caseSensitive",
                "false"));
        return Arrays.stream(table.columns()).anyMatch(c -> caseSensitive ? c.equals(column)
                : c.equalsIgnoreCase(column));
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
