package org.biospark.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code submit/biospark scaling} on sumrange at 1 and 2 cores, each run a process of its own: the study's table
 * has a row per run, and its speed-up, efficiency, Karp-Flatt and Amdahl figures are recomputed here from that
 * table; the weak study grows the range with the cores; the report draws both.
 */
class ScalingIT {
    @TempDir
    Path tmp;

    @Test
    void aSumrangeStudyAtOneAndTwoCoresAndItsFiguresFromItsTable() throws IOException, InterruptedException {
        Path study = tmp.resolve("strong");
        Processes.Outcome run = Processes.run(tmp, Map.of(), Processes.script("submit/biospark", "scaling", "--job",
                "sumrange", "--cores", "1,2", "--repeat", "2", "--out", study.toString(), "--to", "1000000000"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.stdout().contains("4 runs; Amdahl serial fraction"), run.output());
        SparkSession spark = TestSpark.session();
        List<Row> runs = spark.read().parquet(study.resolve("scaling").toString()).orderBy("run").collectAsList();
        assertEquals(List.of(1, 2, 2, 1), runs.stream().map(r -> r.getInt(1)).toList(), "alternating order");
        double t1 = (runs.get(0).getDouble(5) + runs.get(3).getDouble(5)) / 2;
        double t2 = (runs.get(1).getDouble(5) + runs.get(2).getDouble(5)) / 2;
        assertTrue(runs.stream().allMatch(r -> r.getDouble(4) > r.getDouble(5)), "the process outlasts its job");
        assertTrue(runs.stream().allMatch(r -> !r.isNullAt(6) && r.getDouble(6) > 0 && r.getLong(7) > 0),
                runs.toString());
        Row two = spark.read().parquet(study.resolve("scaling_summary").toString()).filter("parallelism = 2")
                .first();
        double speedup = t1 / t2;
        assertEquals(t2, two.getDouble(2), 1e-12);
        assertEquals(speedup, two.getDouble(3), 1e-12);
        assertEquals(speedup / 2, two.getDouble(4), 1e-12);
        assertEquals((1 / speedup - 0.5) / 0.5, two.getDouble(5), 1e-12);
        // two parallelisms: the least-squares line through the four runs passes through the two means
        double b = 2 * (t1 - t2);
        double serial = Math.min(1, Math.max(0, (t1 - b) / t1));
        JsonNode summary = new ObjectMapper().readTree(study.resolve("_manifest.json").toFile()).path("summary");
        assertEquals(serial, summary.path("amdahl_serial_fraction").asDouble(), 1e-9);
        assertEquals(1 / (serial + (1 - serial) / 64), summary.path("amdahl_speedup_64").asDouble(), 1e-6);

        Path weak = tmp.resolve("weak");
        run = Processes.run(tmp, Map.of(), Processes.script("submit/biospark", "scaling", "--job", "sumrange",
                "--cores", "1,2", "--repeat", "1", "--weak", "--out", weak.toString(), "--to", "500000000"));
        assertEquals(0, run.exitCode(), run.output());
        List<Row> grown = spark.read().parquet(weak.resolve("scaling").toString()).orderBy("parallelism")
                .collectAsList();
        assertEquals(List.of(1, 2), grown.stream().map(r -> r.getInt(3)).toList(), "the work grows with the cores");
        Row scaled = spark.read().parquet(weak.resolve("scaling_summary").toString()).filter("parallelism = 2")
                .first();
        double s = 2 * grown.get(0).getDouble(5) / grown.get(1).getDouble(5);
        assertEquals(s, scaled.getDouble(3), 1e-12);
        assertEquals(2 - s, scaled.getDouble(7), 1e-12);

        run = Processes.run(tmp, Map.of(), Processes.script("submit/biospark", "report", "--results",
                study.toString(), weak.toString(), "--out", tmp.resolve("report").toString()));
        assertEquals(0, run.exitCode(), run.output());
        String index = Files.readString(tmp.resolve("report/index.html"));
        assertTrue(index.contains("Amdahl serial fraction") && index.contains("speed-up"), index);
        assertTrue(run.stdout().contains("(4 figures"), run.output());
    }

    @Test
    void studyMistakesAreUsageErrors() throws IOException, InterruptedException {
        Processes.Outcome run = Processes.run(tmp, Map.of(), Processes.script("submit/biospark", "scaling", "--job",
                "align", "--cores", "1,2", "--weak", "--out", tmp.resolve("x").toString()));
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("only sumrange's range does"), run.output());
        run = Processes.run(tmp, Map.of(), Processes.script("submit/biospark", "scaling", "--job", "sumrange",
                "--cores", "1,2", "--repeat", "1", "--out", tmp.resolve("y").toString(), "--to", "ten"));
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("the run on 1 cores"), run.output());
    }
}
