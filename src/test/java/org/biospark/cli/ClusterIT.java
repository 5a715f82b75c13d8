package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Row;
import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.biospark.testing.Processes;
import org.biospark.testing.Processes.Outcome;
import org.biospark.testing.RandomFasta;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster on loopback (submit/cluster: a master and two workers as their own JVMs, from the
 * Maven jars), secured: the jobs give exactly the rows they give in local[2]; a submission without the secret is
 * refused; the REST port is closed. The cluster is always torn down.
 */
class ClusterIT {
    private static final String[] SUMRANGE_COLUMNS = {"partition", "range_from", "range_to", "partial_sum"};
    private static final Path SAMPLES = Processes.PROJECT.resolve("src/main/resources/org/biospark/samples");
    private static final String REFERENCE = SAMPLES + "/blog_reference.fa";
    /** A client the master refuses says so at its first attempt, then retries a while before it gives up. */
    private static final java.util.regex.Pattern REFUSED =
            java.util.regex.Pattern.compile("SASL|unresponsive|Failed to connect to master");
    private static Path dir;
    private static String master;

    @BeforeAll
    static void up() throws Exception {
        dir = Files.createTempDirectory("biospark-cluster-it");
        int port = Processes.freePort();
        master = "spark://127.0.0.1:" + port;
        Outcome up = Processes.run(dir, Map.of(), Processes.script("submit/cluster", "up", "--workers", "2",
                "--cores", "1", "--memory", "1g", "--port", String.valueOf(port), "--ui-port",
                String.valueOf(Processes.freePort()), "--dir", dir.resolve("cluster").toString()));
        assertEquals(0, up.exitCode(), up.output());
    }

    @AfterAll
    static void down() throws Exception {
        if (dir != null) {
            Processes.run(dir, Map.of(), Processes.script("submit/cluster", "down", "--dir",
                    dir.resolve("cluster").toString()));
            org.apache.hadoop.fs.FileUtil.fullyDelete(dir.toFile());
        }
    }

    /** {@code submit/biospark} with {@code args} and {@code conf} as SPARK_CONF_DIR (null: none). */
    private static Outcome biospark(Path conf, String... args) throws Exception {
        Map<String, String> env = conf == null ? Map.of() : Map.of("SPARK_CONF_DIR", conf.toString());
        return Processes.run(dir, env, Processes.script("submit/biospark", args));
    }

    /** The configuration {@code submit/cluster} wrote for the clients: the cluster's secret and security settings. */
    private static Path clusterConf() { return dir.resolve("cluster/conf"); }

    /** Runs a biospark command on the cluster and in local[2], both to succeed; returns both output directories. */
    private Path[] onBoth(String name, String... command) throws Exception {
        Path[] out = {dir.resolve(name + "-cluster"), dir.resolve(name + "-local")};
        for (int i = 0; i < out.length; i++) {
            List<String> args = new ArrayList<>(List.of("--master", i == 0 ? master : "local[2]"));
            args.addAll(List.of(command));
            args.addAll(List.of("--out", out[i].toString()));
            Outcome run = biospark(i == 0 ? clusterConf() : null, args.toArray(new String[0]));
            assertEquals(0, run.exitCode(), run.output());
        }
        return out;
    }

    @Test
    void sumrangeGivesTheSameRowsAsLocal() throws Exception {
        Path[] out = onBoth("sumrange", "sumrange", "--to", "3000000000", "--partitions", "6");
        List<String> cluster = TestSpark.sortedRows(out[0].resolve("sumrange"), SUMRANGE_COLUMNS);
        assertEquals(6, cluster.size());
        assertEquals(TestSpark.sortedRows(out[1].resolve("sumrange"), SUMRANGE_COLUMNS), cluster);
    }

    /** Cluster deploy mode: the driver itself runs on a worker (and reads the secret from its file). */
    @Test
    void inClusterDeployModeTooTheRowsAreLocals() throws Exception {
        Path out = dir.resolve("deploy-cluster");
        Outcome c = biospark(clusterConf(), "--master", master, "--deploy-mode", "cluster", "--driver-memory", "512m",
                "--executor-memory", "512m", "--conf", "spark.standalone.submit.waitAppCompletion=true", "sumrange",
                "--to", "3000000000", "--partitions", "6", "--out", out.toString());
        assertEquals(0, c.exitCode(), c.output());
        assertTrue(Files.exists(out.resolve("_manifest.json")), "the driver on the worker wrote the results: "
                + c.stderr());
        Path local = dir.resolve("deploy-local");
        Outcome l = biospark(null, "--master", "local[2]", "sumrange", "--to", "3000000000", "--partitions", "6",
                "--out", local.toString());
        assertEquals(0, l.exitCode(), l.stderr());
        assertEquals(TestSpark.sortedRows(local.resolve("sumrange"), SUMRANGE_COLUMNS),
                TestSpark.sortedRows(out.resolve("sumrange"), SUMRANGE_COLUMNS));
    }

    @Test
    void gseaGivesTheSameRowsAsLocal() throws Exception {
        String gmt = Golden.GENESET.path("example.gmt").toString();
        Path rnk = Golden.GENESET.path("example.rnk");
        Path[] out = onBoth("gsea", "gsea", "--gene-sets", gmt, "--ranks", rnk.toString(), "--permutations", "100");
        List<String> cluster = TestSpark.sortedRows(out[0].resolve("gsea"));
        assertEquals(586, cluster.size());
        assertEquals(TestSpark.sortedRows(out[1].resolve("gsea")), cluster);
        assertEquals(TestSpark.sortedRows(out[1].resolve("rejects")), TestSpark.sortedRows(out[0].resolve("rejects")));

        // Enough datasets for one task each (the executors read the files themselves, with the broadcast Hadoop
        // configuration) instead of the driver preparing one dataset for blocks of permutations.
        Path ranks = Files.createDirectories(dir.resolve("ranks"));
        for (int d = 0; d < 6; d++) {
            Files.copy(rnk, ranks.resolve("ds" + d + ".rnk"));
        }
        Path[] many = onBoth("gsea-many", "gsea", "--gene-sets", gmt, "--ranks", ranks.toString(), "--permutations",
                "100");
        assertTrue(Files.readString(many[0].resolve("_manifest.json")).contains("\"permutation_blocks\" : 1"),
                "one task per dataset");
        List<String> manyOnCluster = TestSpark.sortedRows(many[0].resolve("gsea"));
        assertEquals(6 * 586, manyOnCluster.size());
        assertEquals(TestSpark.sortedRows(many[1].resolve("gsea")), manyOnCluster);
        // the executors set their datasets' rejects aside in the output's scratch directory, read back afterwards
        List<String> manyRejects = TestSpark.sortedRows(many[0].resolve("rejects"));
        assertTrue(manyRejects.size() > 6 * 871, "every dataset's sets dropped by the size filter, at least");
        assertEquals(TestSpark.sortedRows(many[1].resolve("rejects")), manyRejects);
        assertTrue(!Files.exists(many[0].resolve("_scratch")), "the scratch directory is not committed");
    }

    @Test
    void scoreGivesTheSameRowsAsLocal() throws Exception {
        Path[] out = onBoth("score", "score", "--method", "gsva", "--gene-sets", Golden.GENESET.path("synth.gmt")
                .toString(), "--expression", Golden.GENESET.path("synth.gct").toString(), "--partitions", "3");
        List<String> cluster = TestSpark.sortedRows(out[0].resolve("scores"));
        assertEquals(2400, cluster.size());
        assertEquals(TestSpark.sortedRows(out[1].resolve("scores")), cluster);
    }

    @Test
    void alignGivesTheSameRowsAsLocal() throws Exception {
        Path[] out = onBoth("align", "align", "--queries", SAMPLES + "/blog_queries.fa", "--references", REFERENCE,
                "--traceback", "--partitions", "4");
        List<String> cluster = TestSpark.sortedRows(out[0].resolve("alignments"));
        assertEquals(1000, cluster.size());
        assertEquals(TestSpark.sortedRows(out[1].resolve("alignments")), cluster);
    }

    /**
     * The one-pass plan on a cluster: executors read, check and align their splits and report what they read through
     * an accumulator; the rejects' lines, numbered from those reports, equal a local run's.
     */
    @Test
    void alignInOnePassGivesTheSameRowsAndRejectsAsLocal() throws Exception {
        Path queries = Files.writeString(dir.resolve("one_pass_queries.fa"),
                RandomFasta.twoLineReads(11, 8_200_000));
        Path[] out = onBoth("align-one-pass", "align", "--queries", queries.toString(), "--references", REFERENCE,
                "--split-size", "1");
        for (Path run : out) {
            String manifest = Files.readString(run.resolve("_manifest.json"));
            assertTrue(manifest.contains("\"query_passes\" : 1"), run + ": " + manifest);
        }
        List<String> rejects = TestSpark.sortedRows(out[0].resolve("rejects"));
        assertTrue(rejects.size() >= 10, rejects.toString());
        assertEquals(TestSpark.sortedRows(out[1].resolve("rejects")), rejects);
        assertEquals(TestSpark.sortedRows(out[1].resolve("alignments")), TestSpark.sortedRows(out[0].resolve("alignments")));
    }

    /**
     * A gzip query file on a cluster: an executor inflates it into the run's scratch directory, the executors align
     * the copy's splits in one pass, and rows and rejects (named after the gzip file, with its lines) equal a local
     * run's.
     */
    @Test
    void aGzipFileIsInflatedSplitAndAlignedAsLocally() throws Exception {
        Path queries = dir.resolve("inflated_queries.fa.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(queries))) {
            out.write(RandomFasta.twoLineReads(12, 8_200_000).getBytes(StandardCharsets.US_ASCII));
        }
        Path[] out = onBoth("align-gzip", "align", "--queries", queries.toString(), "--references", REFERENCE,
                "--split-size", "1");
        for (Path run : out) {
            String manifest = Files.readString(run.resolve("_manifest.json"));
            assertTrue(manifest.contains("\"query_files_inflated\" : 1"), run + ": " + manifest);
            assertTrue(manifest.contains("\"query_passes\" : 1"), run + ": " + manifest);
            assertFalse(Files.exists(run.resolve("_scratch")), run + " keeps its scratch directory");
        }
        List<String> rejects = TestSpark.sortedRows(out[0].resolve("rejects"));
        assertTrue(rejects.size() >= 5, rejects.toString());
        assertTrue(rejects.stream().allMatch(r -> r.contains("inflated_queries.fa.gz,")), rejects.toString());
        assertEquals(TestSpark.sortedRows(out[1].resolve("rejects")), rejects);
        assertEquals(TestSpark.sortedRows(out[1].resolve("alignments")), TestSpark.sortedRows(out[0].resolve("alignments")));
    }

    /** A scaling study whose runs take one, then two of the cluster's executor cores, each doing its work there. */
    @Test
    void aScalingStudyRunsOnTheClusterAtEachParallelism() throws Exception {
        Path study = dir.resolve("scaling");
        Outcome run = biospark(clusterConf(), "scaling", "--runs-master", master, "--job", "sumrange", "--cores",
                "1,2", "--repeat", "1", "--out", study.toString(), "--to", "100000000", "--partitions", "4");
        assertEquals(0, run.exitCode(), run.output());
        List<Row> runs = TestSpark.session().read().parquet(study.resolve("scaling").toString()).orderBy("run")
                .collectAsList();
        assertEquals(List.of(1, 2), runs.stream().map(r -> r.getInt(1)).toList(), runs.toString());
        assertTrue(runs.stream().allMatch(r -> r.getLong(7) >= 4 && r.getDouble(5) > 0), runs.toString());
        assertTrue(Files.readString(study.resolve("_manifest.json")).contains("\"master\" : \"" + master), master);
    }

    /**
     * Fault: an executor JVM killed (-9) while an align job with many tasks runs. The worker starts a new one, the
     * lost tasks run again, and the output has exactly the expected rows: none lost, none twice.
     */
    @Test
    void aKilledExecutorCostsTimeNotData() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        Path queries = Files.writeString(dir.resolve("fault_queries.fa"), RandomFasta.records(random, "q", 6000, 200));
        Path references = Files.writeString(dir.resolve("fault_references.fa"), RandomFasta.records(random, "r", 40,
                2000));
        Set<Long> workers = Files.readAllLines(dir.resolve("cluster/pids")).stream().skip(1).map(Long::parseLong)
                .collect(Collectors.toSet());
        Path out = dir.resolve("fault");
        ProcessBuilder builder = Processes.withoutSpark(dir, Processes.script("submit/biospark", "--master", master,
                "align", "--queries", queries.toString(), "--references", references.toString(), "--mode", "local",
                "--partitions", "60", "--out", out.toString()));
        builder.environment().put("SPARK_CONF_DIR", clusterConf().toString());
        Path log = dir.resolve("fault.log");
        // executors of earlier tests' applications may still be shutting down: never one of those
        Set<Long> before = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        Process job = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ProcessHandle victim = null;
        for (int i = 0; i < 600 && victim == null && job.isAlive(); i++) {
            Thread.sleep(100);
            // an executor of one of our workers that has been running a while: tasks are under way
            victim = ProcessHandle.allProcesses()
                    .filter(p -> p.parent().map(parent -> workers.contains(parent.pid())).orElse(false))
                    .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                    .filter(p -> !before.contains(p.pid()))
                    .filter(p -> p.info().startInstant().map(t -> t.isBefore(Instant.now()
                            .minusSeconds(8))).orElse(false))
                    .findFirst().orElse(null);
        }
        assertTrue(victim != null, "no executor to kill: " + Files.readString(log));
        assertTrue(job.isAlive(), "the job ended before the kill; make it longer: " + Files.readString(log));
        new ProcessBuilder("kill", "-9", String.valueOf(victim.pid())).start().waitFor();
        assertTrue(job.waitFor(5, TimeUnit.MINUTES), "the job did not finish after the kill");
        assertEquals(0, job.exitValue(), Files.readString(log));
        String workerLogs = Files.readString(dir.resolve("cluster/logs/worker-1.log"))
                + Files.readString(dir.resolve("cluster/logs/worker-2.log"));
        assertTrue(workerLogs.contains("exited with code 137"), "a worker saw its executor killed: " + workerLogs);
        var alignments = TestSpark.session().read().parquet(out.resolve("alignments").toString());
        assertEquals(6000L * 40, alignments.count(), "rows");
        assertEquals(6000L * 40, alignments.select("query_id", "target_id").distinct().count(), "distinct pairs");
    }

    @Test
    void theSecretIsPrivateASubmissionWithoutItIsRefusedAndRestIsClosed() throws Exception {
        Path conf = clusterConf().resolve("spark-defaults.conf");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(conf));
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", 6066).close(), "the REST port is closed");
        Outcome refused = Processes.runUntil(dir, Map.of(), Processes.script("submit/biospark", "--master", master,
                "sumrange", "--to", "1000", "--out", dir.resolve("refused").toString()), REFUSED);
        assertTrue(REFUSED.matcher(refused.stderr()).find() && refused.exitCode() != 0, refused.output());
        assertTrue(!Files.exists(dir.resolve("refused/_manifest.json")), "nothing was computed");

        // a wrong secret: the cluster's configuration with another secret in it
        Path wrong = Files.createDirectories(dir.resolve("wrong-conf"));
        Files.writeString(wrong.resolve("spark-defaults.conf"), Files.readAllLines(conf).stream()
                .map(line -> line.startsWith("spark.authenticate.secret ") ? "spark.authenticate.secret 0123abcd" : line)
                .collect(Collectors.joining("\n")));
        Outcome wrongSecret = Processes.runUntil(dir, Map.of("SPARK_CONF_DIR", wrong.toString()), Processes.script(
                "submit/biospark", "--master", master, "sumrange", "--to", "1000", "--out",
                dir.resolve("refused-too").toString()), REFUSED);
        assertNotEquals(0, wrongSecret.exitCode(), wrongSecret.stdout());
        assertTrue(!Files.exists(dir.resolve("refused-too/_manifest.json")), "nothing was computed");
    }
}
