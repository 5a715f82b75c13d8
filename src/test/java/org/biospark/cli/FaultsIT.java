package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.biospark.testing.Processes;
import org.biospark.testing.RandomFasta;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Faults of the driver and of the disk, through the launcher: a driver killed with -9 leaves nothing visible and
 * the old results intact, and {@code --resume} ends with exactly the rows of a whole run, reusing what was
 * committed; a resume with other options or changed inputs, and a second run on the same output, are refused; a
 * full disk is said so, and leaves nothing behind.
 */
class FaultsIT {
    @TempDir
    static Path dir;

    private static Path reads;
    private static Path references;
    private static Path ranks;

    @BeforeAll
    static void data() throws IOException {
        SplittableRandom random = new SplittableRandom(24);
        references = Files.writeString(dir.resolve("refs.fa"), RandomFasta.records(random, "ref", 8, 1_500));
        reads = Files.writeString(dir.resolve("reads.fa"), RandomFasta.records(random, "read", 60_000, 150));
        ranks = Files.createDirectories(dir.resolve("ranks"));
        List<String> lines = Golden.GENESET.lines("example.rnk");
        for (int d = 0; d < 40; d++) {
            SplittableRandom noise = new SplittableRandom(d);
            Files.write(ranks.resolve(String.format("ds%02d.rnk", d)), lines.stream().map(l -> {
                String[] f = l.split("\t");
                return f[0] + "\t" + (Double.parseDouble(f[1]) + noise.nextGaussian() * 0.3);
            }).toList());
        }
        TestSpark.session();
    }

    private static List<String> align(String... more) {
        List<String> command = Processes.script("submit/biospark", "--master", "local[1]", "align", "--queries",
                reads.toString(), "--references", references.toString(), "--split-size", "1");
        command.addAll(List.of(more));
        return command;
    }

    private static List<String> gsea(String... more) {
        List<String> command = Processes.script("submit/biospark", "--master", "local[1]", "gsea", "--gene-sets",
                Golden.GENESET.path("example.gmt").toString(), "--ranks", ranks.toString(), "--permutations", "2000",
                "--partitions", "20");
        command.addAll(List.of(more));
        return command;
    }

    private static List<String> with(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    /** Starts {@code command} and kills it with -9 once {@code committed} tasks of {@code table} are committed. */
    private static void killAfterCommits(List<String> command, Path out, String table, int committed)
            throws IOException, InterruptedException {
        Process process = Processes.withoutSpark(dir, command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try {
            while (committedTasks(out, table) < committed) {
                assertTrue(process.isAlive(), "the run ended before it could be killed: "
                        + Files.readString(dir.resolve("killed.log")));
                assertTrue(System.nanoTime() < deadline, "no task committed in 3 minutes");
                Thread.sleep(50);
            }
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Tasks of {@code table} committed in a staging directory of {@code out}. */
    private static long committedTasks(Path out, String table) throws IOException {
        long tasks = 0;
        for (Path staging : stagings(out)) {
            Path temporary = staging.resolve(table).resolve("_temporary");
            if (Files.isDirectory(temporary)) {
                try (Stream<Path> walk = Files.walk(temporary, 2)) {
                    tasks += walk.filter(p -> p.getFileName().toString().startsWith("task_")).count();
                }
            }
        }
        return tasks;
    }

    private static List<Path> stagings(Path out) throws IOException {
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".staging-"))
                    .toList();
        }
    }

    private static Processes.Outcome run(List<String> command) throws IOException, InterruptedException {
        return Processes.run(dir, Map.of(), command);
    }

    private static List<String> rows(Path table) {
        return TestSpark.session().read().parquet(table.toString()).collectAsList().stream().map(Row::toString)
                .sorted().toList();
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    }

    @Test
    void aKilledAlignResumesToTheRowsOfAWholeRunAndAKillWithoutResumeLeavesNothing() throws Exception {
        Path whole = dir.resolve("align-whole");
        Processes.Outcome fresh = run(align("--out", whole.toString()));
        assertEquals(0, fresh.exitCode(), fresh.output());

        Path out = dir.resolve("align-killed");
        killAfterCommits(align("--out", out.toString()), out, "alignments", 3);
        assertFalse(Files.exists(out), "no visible table after the kill");
        assertEquals(1, stagings(out).size(), "the interrupted run's work is kept, hidden");

        Processes.Outcome other = run(align("--resume", out.toString(), "--top-k", "1"));
        assertEquals(ExitCodes.USAGE, other.exitCode(), other.output());
        assertTrue(other.stderr().contains("its parameter top_k was 0, now 1"), other.stderr());

        Processes.Outcome resumed = run(align("--resume", out.toString()));
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertEquals(rows(whole.resolve("alignments")), rows(out.resolve("alignments")), "the rows of a whole run");
        assertEquals(rows(whole.resolve("rejects")), rows(out.resolve("rejects")));
        JsonNode m = manifest(out);
        assertEquals(manifest(whole).get("counts"), m.get("counts"));
        String reused = m.get("summary").get("reused").get("alignments").asText();
        assertTrue(reused.matches("([3-9]|[1-9]\\d+) of \\d+ partitions"), reused);
        assertEquals(List.of(), stagings(out), "nothing left beside the results");
    }

    @Test
    void aKilledGseaOfManyDatasetsResumesToTheRowsOfAWholeRun() throws Exception {
        Path whole = dir.resolve("gsea-whole");
        Processes.Outcome fresh = run(gsea("--out", whole.toString()));
        assertEquals(0, fresh.exitCode(), fresh.output());
        Path out = dir.resolve("gsea-killed");
        killAfterCommits(gsea("--out", out.toString()), out, "gsea", 2);
        Processes.Outcome resumed = run(gsea("--resume", out.toString()));
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertEquals(rows(whole.resolve("gsea")), rows(out.resolve("gsea")), "the rows of a whole run");
        assertEquals(rows(whole.resolve("rejects")).size(), rows(out.resolve("rejects")).size());
        assertEquals(manifest(whole).get("counts"), manifest(out).get("counts"));
        assertTrue(manifest(out).get("summary").get("reused").get("gsea").asText().matches("([2-9]|1\\d) of 20 .*"));
    }

    @Test
    void aKilledOverwriteLeavesTheOldResultsAndTheNextRunCleansUp() throws Exception {
        Path out = dir.resolve("kept");
        Processes.Outcome first = run(align("--out", out.toString()));
        assertEquals(0, first.exitCode(), first.output());
        String started = manifest(out).get("started").asText();
        killAfterCommits(align("--out", out.toString(), "--overwrite"), out, "alignments", 1);
        assertEquals(started, manifest(out).get("started").asText(), "the old results are intact");
        assertEquals(1, stagings(out).size());
        Processes.Outcome next = run(align("--out", out.toString(), "--overwrite"));
        assertEquals(0, next.exitCode(), next.output());
        assertEquals(List.of(), stagings(out), "the interrupted run's staging directory is gone");
    }

    @Test
    void aResumeWithAChangedInputIsRefusedNamingIt() throws Exception {
        Path copy = Files.copy(reads, dir.resolve("changing.fa"));
        Path out = dir.resolve("changed");
        List<String> command = Processes.script("submit/biospark", "--master", "local[1]", "align", "--queries",
                copy.toString(), "--references", references.toString(), "--split-size", "1");
        killAfterCommits(with(command, "--out", out.toString()), out, "alignments", 1);
        Files.writeString(copy, ">late\nACGT\n", java.nio.file.StandardOpenOption.APPEND);
        Processes.Outcome resumed = run(with(command, "--resume", out.toString()));
        assertEquals(ExitCodes.USAGE, resumed.exitCode(), resumed.output());
        assertTrue(resumed.stderr().contains("its input") && resumed.stderr().contains("changing.fa changed since"),
                resumed.stderr());
        Processes.Outcome nothing = run(with(command, "--resume", dir.resolve("never-run").toString()));
        assertEquals(ExitCodes.USAGE, nothing.exitCode(), nothing.output());
        assertTrue(nothing.stderr().contains("nothing to resume in"), nothing.stderr());
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedAndTheFirstUnharmed() throws Exception {
        Path out = dir.resolve("shared");
        Process first = Processes.withoutSpark(dir, align("--out", out.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        while (committedTasks(out, "alignments") < 1) {
            assertTrue(first.isAlive(), Files.readString(dir.resolve("first.log")));
            Thread.sleep(50);
        }
        Processes.Outcome second = run(align("--out", out.toString(), "--overwrite"));
        assertEquals(ExitCodes.USAGE, second.exitCode(), second.output());
        assertTrue(second.stderr().contains("another run is writing to"), second.stderr());
        assertEquals(0, first.waitFor(), Files.readString(dir.resolve("first.log")));
        assertEquals(60_000, manifest(out).get("counts").get("queries_aligned").asInt());
    }

    @Test
    void aFullDiskIsSaidSoAndLeavesNothingBehind() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mounting.waitFor() == 0, "cannot mount a tmpfs here (needs root): "
                + new String(mounting.getInputStream().readAllBytes()));
        try {
            Path out = mount.resolve("out");
            Processes.Outcome full = run(align("--out", out.toString(), "--traceback"));
            assertEquals(ExitCodes.INTERNAL_ERROR, full.exitCode(), full.output());
            assertTrue(full.stderr().contains("a file system is full"), full.stderr());
            assertFalse(full.stderr().contains("please report"), full.stderr());
            try (Stream<Path> left = Files.list(mount)) {
                assertEquals(List.of(), left.toList(), "no table, no staging directory, no lock");
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }
}
