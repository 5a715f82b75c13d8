package org.biospark.spark.sumrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.UsageException;
import org.biospark.spark.run.RunManifest;
import org.biospark.spark.run.RunOutput;
import org.biospark.sumrange.RangeSum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SumRangeJobTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private SumRangeResult run(long from, long to, int partitions, SumRangeEngine engine, Path out, boolean overwrite) {
        return SumRangeJob.run(spark, new SumRangeOptions(from, to, partitions, engine, 2, out.toString(), overwrite));
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void writesOneExactRowPerPartitionAndReadsItBack() throws IOException {
        long from = -123_456_789;
        long to = 987_654_321;
        Path out = tmp.resolve("run");
        SumRangeResult result = run(from, to, 5, SumRangeEngine.SPARK, out, false);

        assertEquals(RangeSum.closedForm(from, to), result.total());
        Dataset<Row> table = spark.read().parquet(out.resolve(SumRangeSchema.TABLE).toString());
        // Parquet hands every column back as nullable: compare names and types.
        assertEquals(java.util.Arrays.toString(SumRangeSchema.SCHEMA.fieldNames()),
                java.util.Arrays.toString(table.schema().fieldNames()));
        for (var field : SumRangeSchema.SCHEMA.fields()) {
            assertEquals(field.dataType(), table.schema().apply(field.name()).dataType(), field.name());
        }
        List<Row> rows = table.orderBy(SumRangeSchema.PARTITION.name()).collectAsList();
        assertEquals(5, rows.size());
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertEquals(i, row.getInt(row.fieldIndex(SumRangeSchema.PARTITION.name())));
            BigDecimal partial = row.getDecimal(row.fieldIndex(SumRangeSchema.PARTIAL_SUM.name()));
            long sliceFrom = row.getLong(row.fieldIndex(SumRangeSchema.RANGE_FROM.name()));
            long sliceTo = row.getLong(row.fieldIndex(SumRangeSchema.RANGE_TO.name()));
            assertEquals(RangeSum.closedForm(sliceFrom, sliceTo), partial.toBigIntegerExact());
            assertFalse(row.getString(row.fieldIndex(SumRangeSchema.EXECUTOR_ID.name())).isEmpty());
            total = total.add(partial.toBigIntegerExact());
        }
        assertEquals(result.total(), total);
        assertEquals(5, result.table().count());

        JsonNode manifest = new ObjectMapper().readTree(out.resolve(RunOutput.MANIFEST).toFile());
        assertEquals("sumrange", manifest.get("command").asText());
        assertEquals(5, manifest.get("counts").get(SumRangeSchema.TABLE).asLong());
        assertEquals(result.total().toString(), manifest.get("summary").get("total").asText());
        assertEquals("4.2.0", manifest.get("runtime").get("spark_version").asText());
        assertTrue(manifest.get("runtime").get("master").asText().startsWith("local"));
        // Nothing but the tables and the manifest: no staging left beside or inside.
        assertTrue(entries(tmp).stream().noneMatch(p -> p.getFileName().toString().contains("staging")));
    }

    @Test
    void theSumBeyondALongIsStoredExactly() {
        long top = RangeSum.MAX_ABS;
        SumRangeResult result = run(top - 4_000_000, top, 2, SumRangeEngine.SPARK, tmp.resolve("big"), false);
        BigDecimal stored = result.table().agg(org.apache.spark.sql.functions.sum(SumRangeSchema.PARTIAL_SUM.name()))
                .first().getDecimal(0);
        assertEquals(RangeSum.closedForm(top - 4_000_000, top), stored.toBigIntegerExact());
        assertTrue(stored.toBigIntegerExact().bitLength() > 63, "the test must overflow a long");
    }

    @Test
    void everyEngineGivesTheSamePartialSums() {
        List<BigInteger> spark = run(7, 3_000_007, 4, SumRangeEngine.SPARK, tmp.resolve("s"), false)
                .partials().stream().map(p -> p.sum()).toList();
        List<BigInteger> threads = run(7, 3_000_007, 4, SumRangeEngine.THREADS, tmp.resolve("t"), false)
                .partials().stream().map(p -> p.sum()).toList();
        List<BigInteger> serial = run(7, 3_000_007, 4, SumRangeEngine.SERIAL, tmp.resolve("u"), false)
                .partials().stream().map(p -> p.sum()).toList();
        assertEquals(spark, threads);
        assertEquals(spark, serial);
    }

    @Test
    void anEmptyRangeIsOneRowSummingToZero() {
        SumRangeResult result = run(5, 5, 3, SumRangeEngine.SPARK, tmp.resolve("empty"), false);
        assertEquals(BigInteger.ZERO, result.total());
        assertEquals(1, result.table().count());
    }

    @Test
    void refusesANonEmptyOutputAndLeavesItAlone() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("precious.txt"), "keep me");
        UsageException refused = assertThrows(UsageException.class,
                () -> run(0, 10, 1, SumRangeEngine.SERIAL, out, false));
        assertTrue(refused.getMessage().contains("--overwrite"), refused.getMessage());
        assertEquals(List.of(out.resolve("precious.txt")), entries(out));
        assertEquals(List.of(out), entries(tmp), "no staging directory may be left behind");
    }

    @Test
    void overwriteReplacesTheOldResults() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("again"));
        Files.writeString(out.resolve("old.txt"), "old");
        run(0, 10, 1, SumRangeEngine.SERIAL, out, true);
        assertFalse(Files.exists(out.resolve("old.txt")));
        assertTrue(Files.exists(out.resolve(RunOutput.MANIFEST)));
    }

    @Test
    void anEmptyExistingDirectoryIsUsed() {
        Path out = tmp.resolve("empty-dir");
        assertTrue(out.toFile().mkdirs());
        assertEquals(BigInteger.valueOf(45), run(0, 10, 2, SumRangeEngine.SERIAL, out, false).total());
    }

    @Test
    void aFileIsNotAnOutputDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(UsageException.class, () -> run(0, 10, 1, SumRangeEngine.SERIAL, file, true));
    }

    @Test
    void aFailedRunLeavesNothingBehind() throws IOException {
        Path out = tmp.resolve("failed");
        try (RunOutput output = RunOutput.open(spark, out.toString(), false)) {
            output.writeTable(SumRangeSchema.TABLE, spark.createDataFrame(List.of(), SumRangeSchema.SCHEMA));
            // the job fails here: no commit
        }
        assertFalse(Files.exists(out));
        assertEquals(List.of(), entries(tmp));
    }

    @Test
    void aFailedOverwriteKeepsTheOldResults() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(out.resolve("old.txt"), "old");
        try (RunOutput output = RunOutput.open(spark, out.toString(), true)) {
            output.writeManifest(new RunManifest("sumrange", spark));
        }
        assertEquals(List.of(out.resolve("old.txt")), entries(out));
    }
}
