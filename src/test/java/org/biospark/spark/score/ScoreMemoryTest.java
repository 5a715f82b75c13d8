package org.biospark.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.geneset.SingleSampleAnalysis.Method;
import org.biospark.spark.SparkSessions;
import org.biospark.testing.Processes;
import org.biospark.testing.SmallHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matrix whose values alone (2,000 samples x 10,000 genes, 160 MB of doubles) are larger than the heap of the
 * JVM that scores it on one core: the run succeeds, since no task holds more than a block of samples and Spark
 * spills the rest, and gives exactly the rows of the tests' two-core session with the default blocks.
 */
class ScoreMemoryTest {
    private static final int GENES = 10_000;
    private static final int SAMPLES = 2_000;

    @TempDir
    Path tmp;

    @Test
    void aMatrixLargerThanTheHeapIsScoredInBlocksWithTheRowsOfTwoCores() throws Exception {
        Path matrix = tmp.resolve("large.tsv");
        SplittableRandom random = new SplittableRandom(2026);
        try (BufferedWriter out = Files.newBufferedWriter(matrix)) {
            out.write("gene");
            for (int j = 0; j < SAMPLES; j++) {
                out.write("\tS" + j);
            }
            for (int g = 0; g < GENES; g++) {
                out.write("\nG" + g);
                int mean = 2 + g % 9;
                for (int j = 0; j < SAMPLES; j++) {
                    out.write('\t');
                    out.write(Integer.toString(mean * 100 + random.nextInt(400)));
                }
            }
            out.write('\n');
        }
        List<String> sets = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            StringBuilder set = new StringBuilder("SET" + k + "\tna");
            random.ints(0, GENES).distinct().limit(15 + 15L * k).forEach(g -> set.append("\tG").append(g));
            sets.add(set.toString());
        }
        Path gmt = Files.write(tmp.resolve("sets.gmt"), sets);
        Path small = tmp.resolve("small-heap");
        Processes.Outcome run = SmallHeap.run("160m", OneCore.class, "score-memory-check.log", matrix.toString(),
                gmt.toString(), small.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("max heap 1"), run.output());

        SparkSession spark = TestSpark.session();
        ScoreRunResult two = ScoreJob.run(spark, options(matrix, gmt, tmp.resolve("two-cores")).build());
        assertEquals(SAMPLES * 30L, two.counts().scores());
        List<Row> ours = spark.read().parquet(small.resolve(ScoreSchema.TABLE).toString())
                .select("dataset", "sample", "collection", "gene_set", "score", "size").collectAsList();
        assertEquals(two.scores().select("dataset", "sample", "collection", "gene_set", "score", "size")
                .collectAsList().stream().map(Row::toString).sorted().toList(),
                ours.stream().map(Row::toString).sorted().toList());
    }

    private static ScoreOptions.Builder options(Path matrix, Path gmt, Path out) {
        return ScoreOptions.builder(Method.SSGSEA, List.of(gmt.toString()), List.of(matrix.toString()),
                out.toString());
    }

    /** Scores on one core in a small heap, in blocks of at most 16 MiB. */
    public static final class OneCore {
        public static void main(String[] args) {
            System.setProperty("spark.master", "local[1]");
            System.setProperty("spark.ui.enabled", "false");
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.driver.bindAddress", "127.0.0.1");
            // Spark refuses a heap under 450 MB unless told how much of it to set aside for itself
            System.setProperty("spark.testing.reservedMemory", Long.toString(32L << 20));
            SparkSession spark = SparkSessions.getOrCreate("score memory check");
            ScoreRunResult result = ScoreJob.run(spark, options(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]))
                    .blockBytes(16L << 20).build());
            System.out.println("scores " + result.counts().scores() + " max heap "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
            spark.stop();
        }
    }
}
