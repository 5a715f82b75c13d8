package org.biospark.spark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JobTest {
    private static final StructType ROWS = new StructType().add("n", DataTypes.LongType, false);

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    record Counts(long rows) implements RunCounts {
    }

    /** Writes a table of {@code rows} rows, then fails if asked to. */
    static final class Fixture extends Job<Counts, Job.Committed<Counts>> {
        private final int rows;
        private final boolean fail;

        Fixture(String out, boolean overwrite, int rows, boolean fail) {
            super("fixture", out, overwrite, false);
            this.rows = rows;
            this.fail = fail;
        }

        @Override
        protected Counts work(Context run) {
            run.manifest().parameter("rows", rows);
            run.output().writeTable("numbers", run.spark().createDataFrame(
                    java.util.stream.LongStream.range(0, rows).mapToObj(RowFactory::create).toList(), ROWS));
            if (fail) {
                throw new IllegalStateException("the work failed");
            }
            return new Counts(rows);
        }

        @Override
        protected Committed<Counts> result(Committed<Counts> run) {
            return run;
        }
    }

    @Test
    void aJobCommitsItsTablesAndAManifestWithItsCounts() throws IOException {
        Path out = tmp.resolve("run");
        Job.Committed<Counts> run = new Fixture(out.toString(), false, 3, false).run(spark);
        assertEquals(new Counts(3), run.counts());
        assertEquals(3, run.output().readTable("numbers").count());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(RunOutput.MANIFEST).toFile());
        assertEquals("fixture", manifest.get("command").asText());
        assertEquals(3, manifest.get("parameters").get("rows").asInt());
        assertEquals(3, manifest.get("counts").get("rows").asLong());
        assertNoStaging();
    }

    @Test
    void aFailedJobLeavesNothingAndTheOldResultsUntouched() throws IOException {
        Path out = tmp.resolve("kept");
        new Fixture(out.toString(), false, 2, false).run(spark);
        assertThrows(IllegalStateException.class, () -> new Fixture(out.toString(), true, 5, true).run(spark));
        assertEquals(2, spark.read().parquet(out.resolve("numbers").toString()).count(), "the old table stays");
        Path never = tmp.resolve("never");
        assertThrows(IllegalStateException.class, () -> new Fixture(never.toString(), false, 1, true).run(spark));
        assertFalse(Files.exists(never));
        assertNoStaging();
    }

    @Test
    void aNonEmptyOutputIsRefusedBeforeAnyWorkUnlessOverwriting() {
        Path out = tmp.resolve("full");
        new Fixture(out.toString(), false, 1, false).run(spark);
        UsageException e = assertThrows(UsageException.class,
                () -> new Fixture(out.toString(), false, 4, true).run(spark));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertEquals(new Counts(4), new Fixture(out.toString(), true, 4, false).run(spark).counts());
    }

    /** Runs two Spark jobs of a known number of tasks each and writes nothing. */
    static final class Tasks extends Job<Counts, Job.Committed<Counts>> {
        Tasks(String out) {
            super("tasks", out, false, false);
        }

        @Override
        protected Counts work(Context run) {
            List<Integer> numbers = java.util.stream.IntStream.range(0, 200).boxed().toList();
            run.jsc().parallelize(numbers, 40).foreach(n -> { });
            return new Counts(run.jsc().parallelize(numbers, 25).count());
        }

        @Override
        protected Committed<Counts> result(Committed<Counts> run) {
            return run;
        }
    }

    @Test
    void theManifestCountsEveryTaskTheJobRanAndNoOther() throws IOException {
        org.apache.spark.api.java.JavaSparkContext jsc =
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        for (int repeat = 0; repeat < 3; repeat++) {
            jsc.parallelize(List.of(1, 2, 3, 4), 50).count(); // just before the job: none of its tasks
            Path out = tmp.resolve("tasks" + repeat);
            new Tasks(out.toString()).run(spark);
            JsonNode manifest = new ObjectMapper().readTree(out.resolve(RunOutput.MANIFEST).toFile());
            assertEquals(65, manifest.get("runtime").get("tasks").asLong(), "40 + 25 tasks, run " + repeat);
        }
    }

    private void assertNoStaging() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            List<Path> left = entries.filter(p -> p.getFileName().toString().contains("staging")).toList();
            assertEquals(List.of(), left);
        }
    }
}
