package org.biospark.spark.align;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.io.InvalidInputException;
import org.biospark.io.SequenceRecord;
import org.biospark.spark.run.Tables;

/**
 * Queries and references from tables (a Parquet table of reads as ADAM writes it, a CSV of sequences): each row a
 * record, checked as a file's records are (an empty id or sequence, an invalid residue, a quality of another length
 * are rejects naming the table and the id), its place in the table standing for a file's record number, which
 * decides the first of two records with the same id.
 */
final class QueryTables {
    static final int SPLITS_PER_CORE = 8;
    private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    private QueryTables() {
    }

    /** Whether {@code paths} are tables (see {@link Tables#format}; a {@code .tsv} only with a table option). */
    static boolean given(List<String> paths, ReadColumns columns, Configuration conf) {
        return Tables.given(paths, columns.format(), columns.given(), conf,
                "the queries mix tables and FASTA/FASTQ files; give one kind");
    }

    /**
     * The rows of every query table as records, in the scan's partitions, and the rows of each partition: counted
     * by a scan of no column (a columnar table answers from its metadata) when first asked for, since only the
     * one-pass plan needs them.
     */
    static final class Scan {
        private final JavaRDD<SourcedRecord> records;
        private final JavaRDD<Long> counts;
        private List<Long> rowsPerPartition;

        Scan(JavaRDD<SourcedRecord> records, JavaRDD<Long> counts) {
            this.records = records;
            this.counts = counts;
        }

        JavaRDD<SourcedRecord> records() {
            return records;
        }

        List<Long> rowsPerPartition() {
            if (rowsPerPartition == null) {
                counts.context().setJobDescription("align: counting the rows of the query tables");
                rowsPerPartition = counts.collect();
            }
            return rowsPerPartition;
        }
    }

    /**
     * The rows of every query table as records, read by the executors in about {@value #SPLITS_PER_CORE} splits
     * per core: Spark's default of one split per 128 MB leaves a few large tasks, which the job would otherwise
     * move by cost, a shuffle of every read, where a scan can as well start balanced.
     */
    static Scan read(SparkSession spark, List<String> paths, ReadColumns columns, Configuration conf) {
        long bytes = 0;
        for (String path : paths) {
            bytes += Tables.bytes(path, conf);
        }
        long split = Math.max(1L << 20, bytes / ((long) SPLITS_PER_CORE * spark.sparkContext().defaultParallelism()));
        String before = spark.conf().get(MAX_PARTITION_BYTES, null);
        spark.conf().set(MAX_PARTITION_BYTES, Long.toString(split));
        try {
            JavaRDD<SourcedRecord> all = null;
            JavaRDD<Long> counts = null;
            for (String path : paths) {
                String source = path;
                // the scan's splits are fixed when its RDD is made, under the setting above
                Dataset<Row> table = Tables.read(spark, path, Tables.format(path, columns.format(), conf));
                JavaRDD<SourcedRecord> records = select(table, path, columns).javaRDD()
                        .map(r -> new SourcedRecord(source, record(r)));
                JavaRDD<Long> rows = table.select(functions.lit(1)).javaRDD().mapPartitions(it -> {
                    long n = 0;
                    for (; it.hasNext(); it.next()) {
                        n++;
                    }
                    return List.of(n).iterator();
                });
                all = all == null ? records : all.union(records);
                counts = counts == null ? rows : counts.union(rows);
            }
            return new Scan(all, counts);
        } finally {
            if (before == null) {
                spark.conf().unset(MAX_PARTITION_BYTES);
            } else {
                spark.conf().set(MAX_PARTITION_BYTES, before);
            }
        }
    }

    /** A reference table's rows, on the driver. */
    static List<SourcedRecord> collect(SparkSession spark, String path, ReadColumns columns, Configuration conf) {
        return collect(select(spark, path, columns, conf), path);
    }

    /** The rows of a table of (id, sequence, quality, row), as {@link #select} gives it, on the driver. */
    static List<SourcedRecord> collect(Dataset<Row> selected, String name) {
        List<SourcedRecord> records = new ArrayList<>();
        for (Row r : selected.orderBy("row").collectAsList()) {
            records.add(new SourcedRecord(name, record(r)));
        }
        return records;
    }

    /** (id, sequence, quality, row) of a table, by the columns given or found. */
    private static Dataset<Row> select(SparkSession spark, String path, ReadColumns c, Configuration conf) {
        return select(Tables.read(spark, path, Tables.format(path, c.format(), conf)), path, c);
    }

    /**
     * (id, sequence, quality, row) of a table, by the columns given or found, {@code name} standing for the table in
     * messages; the row is the table's order as its scan gives it.
     */
    static Dataset<Row> select(Dataset<Row> table, String name, ReadColumns c) {
        String id = column(table, name, c.id(), ReadColumns.IDS, "--id-column");
        String sequence = column(table, name, c.sequence(), ReadColumns.SEQUENCES, "--sequence-column");
        String quality = c.quality() != null ? column(table, name, c.quality(), List.of(), "--quality-column")
                : ReadColumns.QUALITIES.stream().filter(q -> Tables.has(table, q)).findFirst().orElse(null);
        Column qual = quality == null ? functions.lit(null).cast("string") : functions.col(quality).cast("string");
        return table.select(functions.col(id).cast("string"), functions.col(sequence).cast("string"), qual,
                functions.monotonically_increasing_id().as("row"));
    }

    private static String column(Dataset<Row> table, String path, String given, List<String> usual, String option) {
        if (given != null) {
            Tables.require(table, path, given, "name the column with " + option);
            return given;
        }
        for (String name : usual) {
            if (Tables.has(table, name)) {
                return name;
            }
        }
        throw new InvalidInputException(path, "no column named " + String.join(" or ", usual) + "; the table has"
                + " columns " + String.join(", ", table.columns()) + ": name the column with " + option);
    }

    private static String withoutWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return s.replaceAll("\\s+", "");
            }
        }
        return s;
    }

    /** A row as a record: a null id or sequence is empty (and rejected as such), whitespace is not a residue. */
    static SequenceRecord record(Row r) {
        String id = r.isNullAt(0) ? "" : r.getString(0).strip();
        String sequence = r.isNullAt(1) ? "" : withoutWhitespace(r.getString(1));
        String quality = r.isNullAt(2) ? null : r.getString(2).strip();
        return new SequenceRecord(id, sequence, quality, r.getLong(3) + 1, 0);
    }
}
