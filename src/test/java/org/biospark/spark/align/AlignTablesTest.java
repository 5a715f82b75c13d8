package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.align.AlignmentMode;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries and references as tables: the same alignments as from the equivalent FASTA files, ADAM's column names
 * found without options, every row counted once in results or rejects, a missing column answered plainly.
 */
class AlignTablesTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private AlignOptions options(List<String> queries, String references, String out) {
        return AlignOptions.builder(queries, references, tmp.resolve(out).toString()).mode(AlignmentMode.LOCAL)
                .traceback().build();
    }

    private static Map<String, String> rows(Dataset<Row> alignments) {
        Map<String, String> rows = new TreeMap<>();
        for (Row r : alignments.collectAsList()) {
            rows.put(r.getAs("query_id") + " " + r.getAs("target_id") + " " + r.getAs("strand"), r.toString());
        }
        return rows;
    }

    @Test
    void theSameAlignmentsFromAnAdamStyleParquetTableAsFromFasta() throws IOException {
        Map<String, String> queries = Golden.ALIGN.fasta("dna_queries.fa");
        Map<String, String> targets = Golden.ALIGN.fasta("dna_targets.fa");
        // the FASTA queries with three bad records: no sequence, an invalid residue, a repeated id
        List<String> fasta = new ArrayList<>();
        List<Row> reads = new ArrayList<>();
        queries.forEach((id, seq) -> {
            fasta.add(">" + id);
            fasta.add(seq);
            reads.add(RowFactory.create(id, seq, null));
        });
        String first = queries.keySet().iterator().next();
        for (String[] bad : List.of(new String[] {"bad_residue", "ACGTJACGT"}, new String[] {first, "ACGTACGT"})) {
            fasta.add(">" + bad[0]);
            fasta.add(bad[1]);
            reads.add(RowFactory.create(bad[0], bad[1], null));
        }
        reads.add(RowFactory.create("no_sequence", null, null));
        Path fa = tmp.resolve("queries.fa");
        Files.write(fa, fasta);
        StructType adam = new StructType().add("readName", DataTypes.StringType).add("sequence", DataTypes.StringType)
                .add("qualityScores", DataTypes.StringType);
        spark.createDataFrame(reads, adam).coalesce(1).write().parquet(tmp.resolve("reads.parquet").toString());
        List<Row> refs = new ArrayList<>();
        targets.forEach((id, seq) -> refs.add(RowFactory.create(id, seq)));
        spark.createDataFrame(refs, new StructType().add("id", DataTypes.StringType).add("seq", DataTypes.StringType))
                .coalesce(1).write().option("header", "true").csv(tmp.resolve("refs.csv").toString());
        String ref = Golden.ALIGN.path("dna_targets.fa").toString();

        AlignResult files = AlignJob.run(spark, options(List.of(fa.toString()), ref, "files"));
        AlignResult table = AlignJob.run(spark, options(List.of(tmp.resolve("reads.parquet").toString()),
                tmp.resolve("refs.csv").toString(), "table"));
        Map<String, String> expected = rows(files.alignments());
        assertEquals(queries.size() * targets.size(), expected.size());
        assertEquals(expected, rows(table.alignments()));
        AlignCounts c = table.counts();
        assertEquals(reads.size(), c.queryRecords(), "every row read once");
        assertEquals(3, c.queriesRejected());
        assertEquals(c.queryRecords(), c.queriesAligned() + c.queriesRejected());
        assertEquals(2, c.queryPasses(), "one file, one row group: all in one task unless moved by cost");
        // two equal files, no repeated id: one pass, the bad rows found by reading the table again
        Dataset<Row> noRepeat = spark.read().parquet(tmp.resolve("reads.parquet").toString()).filter(
                functions.col("sequence").notEqual("ACGTACGT").or(functions.col("sequence").isNull()));
        noRepeat.repartition(2).write().parquet(tmp.resolve("unique.parquet").toString());
        AlignResult unique = AlignJob.run(spark, options(List.of(tmp.resolve("unique.parquet").toString()),
                tmp.resolve("refs.csv").toString(), "unique"));
        assertEquals(1, unique.counts().queryPasses());
        assertEquals(expected, rows(unique.alignments()));
        assertEquals(2, unique.counts().queriesRejected());
        assertEquals(2, unique.rejects().count());
        List<String> reasons = table.rejects().orderBy("id").selectExpr("concat(id, ': ', reason)").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("bad_residue: ") && reasons.get(0).contains("'J'"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.equals("no_sequence: empty sequence")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(first + ": duplicate id")), reasons.toString());
        assertEquals(1, table.rejects().filter("source LIKE '%reads.parquet'").filter("id = 'bad_residue'").count());
        assertTrue(reasons.stream().anyMatch(r -> r.matches(".*duplicate id \\(first in .*reads.parquet at row \\d+\\)")),
                reasons.toString());

        // the DataFrame API: the same rows and the same rejects, lazy until an action
        Dataset<Row> readFrame = spark.read().parquet(tmp.resolve("reads.parquet").toString());
        Dataset<Row> refFrame = spark.read().option("header", "true").csv(tmp.resolve("refs.csv").toString());
        AlignOptions frameOptions = AlignOptions.frames("reads", "refs").mode(AlignmentMode.LOCAL).traceback().build();
        Dataset<Row> failing = readFrame.withColumn("sequence", functions.udf((UDF1<String, String>) x -> {
            throw new IllegalStateException("a read was read");
        }, DataTypes.StringType).apply(functions.col("sequence")));
        AlignFrames.Frames lazy = AlignFrames.align(failing, refFrame, frameOptions);
        Exception read = assertThrows(Exception.class, () -> lazy.results().count());
        assertTrue(String.valueOf(read.getMessage()).contains("a read was read"), read.getMessage());
        AlignFrames.Frames frames = AlignFrames.align(readFrame, refFrame, frameOptions);
        assertEquals(expected, rows(frames.results()));
        assertEquals(List.of(AlignmentsSchema.of(true).fieldNames()), List.of(frames.results().schema().fieldNames()));
        assertEquals(List.of(RejectsSchema.SCHEMA.fieldNames()), List.of(frames.rejects().schema().fieldNames()));
        List<String> frameReasons = frames.rejects().orderBy("id").selectExpr("concat(id, ': ', reason)").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(reasons.size(), frameReasons.size(), frameReasons.toString());
        for (int i = 0; i < reasons.size(); i++) {
            // the same reasons, the table named as the frame's caller named it
            assertEquals(reasons.get(i).replaceAll("in \\S*reads.parquet", "in reads"), frameReasons.get(i));
        }
        assertEquals(expected, rows(AlignFrames.align(readFrame, refFrame, AlignOptions.frames("reads", "refs")
                .mode(AlignmentMode.LOCAL).traceback().partitions(3).build()).results()), "any partitioning");

        // and from SQL text, through the table function
        readFrame.createOrReplaceTempView("reads");
        refFrame.createOrReplaceTempView("refs");
        assertEquals(expected, rows(spark.sql("SELECT * FROM align_all(TABLE(reads), TABLE(refs), 'local', 0, NULL,"
                + " true)")));
        Dataset<Row> best = spark.sql("SELECT * FROM align_all(TABLE(reads), TABLE(refs), 'local', 1)");
        assertEquals(queries.size(), best.count(), "top_k 1: one row per valid query");
        assertEquals(queries.size(), best.select("query_id").distinct().count());
        assertEquals(List.of(AlignmentsSchema.of(false).fieldNames()), List.of(best.schema().fieldNames()),
                "no traceback unless asked");
        Exception wrong = assertThrows(Exception.class, () -> spark.sql("SELECT * FROM align_all(TABLE(reads),"
                + " TABLE(refs), 'sideways')").collectAsList());
        assertTrue(wrong.getMessage().contains("sideways"), wrong.getMessage());
    }

    @Test
    void aMissingColumnNamesTheColumnsTheTableHas() throws IOException {
        spark.createDataFrame(List.of(RowFactory.create("r1", "ACGT")), new StructType()
                .add("name_of_read", DataTypes.StringType).add("bases", DataTypes.StringType))
                .write().parquet(tmp.resolve("odd.parquet").toString());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AlignJob.run(spark,
                options(List.of(tmp.resolve("odd.parquet").toString()), Golden.ALIGN.path("dna_targets.fa")
                        .toString(), "odd")));
        assertTrue(e.problem().contains("no column named id or readName or name; the table has columns"
                + " name_of_read, bases: name the column with --id-column"), e.getMessage());
        AlignResult named = AlignJob.run(spark, AlignOptions.builder(List.of(tmp.resolve("odd.parquet").toString()),
                Golden.ALIGN.path("dna_targets.fa").toString(), tmp.resolve("named").toString())
                .tables(new ReadColumns(null, "name_of_read", "bases", null)).build());
        assertEquals(1, named.counts().queriesAligned());

        // a Delta table in a session not set up for Delta: what to set, not Delta's stack
        Path delta = tmp.resolve("reads-delta");
        Files.createDirectories(delta.resolve("_delta_log"));
        org.biospark.UsageException usage = assertThrows(org.biospark.UsageException.class, () -> AlignJob.run(spark,
                options(List.of(delta.toString()), Golden.ALIGN.path("dna_targets.fa").toString(), "delta")));
        assertTrue(usage.getMessage().contains("spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension"),
                usage.getMessage());
        // a table path that does not exist: bad input naming it, not Spark's exception
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> AlignJob.run(spark,
                options(List.of(tmp.resolve("none.parquet").toString()), Golden.ALIGN.path("dna_targets.fa")
                        .toString(), "none")));
        assertTrue(missing.file().endsWith("none.parquet"), missing.getMessage());
    }
}
