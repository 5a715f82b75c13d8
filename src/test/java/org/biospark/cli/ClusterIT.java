package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster on loopback (submit/cluster: a master and two workers as their own JVMs, from the
 * Maven jars), secured: the jobs give exactly the rows they give in local[2]; a submission without the secret is
 * refused; the REST port is closed. The cluster is always torn down.
 */
class ClusterIT {
    private static final Path PROJECT = Path.of(System.getProperty("biospark.project.dir", ".")).toAbsolutePath();
    private static Path dir;
    private static int port;
    private static String master;

    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Outcome run(Path workDir, Map<String, String> extraEnv, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.remove("SPARK_HOME");
        env.remove("SPARK_CONF_DIR");
        env.put("BIOSPARK_NO_BUILD", "1");
        env.put("PATH", Arrays.stream(env.getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .filter(d -> !Files.isExecutable(Path.of(d, "spark-submit")))
                .collect(Collectors.joining(File.pathSeparator)));
        env.putAll(extraEnv);
        Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in 5 minutes: " + List.of(command));
        }
        return new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @BeforeAll
    static void up() throws Exception {
        dir = Files.createTempDirectory("biospark-cluster-it");
        port = freePort();
        master = "spark://127.0.0.1:" + port;
        Outcome up = run(dir, Map.of(), PROJECT.resolve("submit/cluster").toString(), "up", "--workers", "2",
                "--cores", "1", "--memory", "1g", "--port", String.valueOf(port), "--ui-port",
                String.valueOf(freePort()), "--dir", dir.resolve("cluster").toString());
        assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
    }

    @AfterAll
    static void down() throws Exception {
        if (dir != null) {
            run(dir, Map.of(), PROJECT.resolve("submit/cluster").toString(), "down", "--dir",
                    dir.resolve("cluster").toString());
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs a biospark command on the cluster and in local[2]; returns both output directories. */
    private Path[] onBoth(String name, String... command) throws Exception {
        Path cluster = dir.resolve(name + "-cluster");
        Path local = dir.resolve(name + "-local");
        List<String> onCluster = new ArrayList<>(List.of(PROJECT.resolve("submit/biospark").toString(), "--master",
                master));
        onCluster.addAll(List.of(command));
        onCluster.addAll(List.of("--out", cluster.toString()));
        Outcome c = run(dir, Map.of("SPARK_CONF_DIR", dir.resolve("cluster/conf").toString()),
                onCluster.toArray(new String[0]));
        assertEquals(0, c.exitCode(), c.stdout() + c.stderr());
        List<String> onLocal = new ArrayList<>(List.of(PROJECT.resolve("submit/biospark").toString(), "--master",
                "local[2]"));
        onLocal.addAll(List.of(command));
        onLocal.addAll(List.of("--out", local.toString()));
        Outcome l = run(dir, Map.of(), onLocal.toArray(new String[0]));
        assertEquals(0, l.exitCode(), l.stdout() + l.stderr());
        return new Path[] {cluster, local};
    }

    private static List<String> sortedRows(Path table, String... columns) {
        SparkSession spark = TestSpark.session();
        var frame = spark.read().parquet(table.toString());
        if (columns.length > 0) {
            frame = frame.selectExpr(columns);
        }
        return frame.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void sumrangeGivesTheSameRowsAsLocal() throws Exception {
        Path[] out = onBoth("sumrange", "sumrange", "--to", "3000000000", "--partitions", "6");
        List<String> cluster = sortedRows(out[0].resolve("sumrange"), "partition", "range_from", "range_to",
                "partial_sum");
        assertEquals(6, cluster.size());
        assertEquals(sortedRows(out[1].resolve("sumrange"), "partition", "range_from", "range_to", "partial_sum"),
                cluster);
    }

    /** Cluster deploy mode: the driver itself runs on a worker (and reads the secret from its file). */
    @Test
    void inClusterDeployModeTooTheRowsAreLocals() throws Exception {
        Path out = dir.resolve("deploy-cluster");
        Outcome c = run(dir, Map.of("SPARK_CONF_DIR", dir.resolve("cluster/conf").toString()),
                PROJECT.resolve("submit/biospark").toString(), "--master", master, "--deploy-mode", "cluster",
                "--driver-memory", "512m", "--executor-memory", "512m", "--conf",
                "spark.standalone.submit.waitAppCompletion=true", "sumrange", "--to", "3000000000", "--partitions",
                "6", "--out", out.toString());
        assertEquals(0, c.exitCode(), c.stdout() + c.stderr());
        assertTrue(Files.exists(out.resolve("_manifest.json")), "the driver on the worker wrote the results: "
                + c.stderr());
        Path local = dir.resolve("deploy-local");
        Outcome l = run(dir, Map.of(), PROJECT.resolve("submit/biospark").toString(), "--master", "local[2]",
                "sumrange", "--to", "3000000000", "--partitions", "6", "--out", local.toString());
        assertEquals(0, l.exitCode(), l.stderr());
        assertEquals(sortedRows(local.resolve("sumrange"), "partition", "range_from", "range_to", "partial_sum"),
                sortedRows(out.resolve("sumrange"), "partition", "range_from", "range_to", "partial_sum"));
    }

    @Test
    void gseaGivesTheSameRowsAsLocal() throws Exception {
        String golden = PROJECT.resolve("src/test/resources/golden/geneset").toString();
        Path[] out = onBoth("gsea", "gsea", "--gene-sets", golden + "/example.gmt", "--ranks",
                golden + "/example.rnk", "--permutations", "300");
        List<String> cluster = sortedRows(out[0].resolve("gsea"));
        assertEquals(586, cluster.size());
        assertEquals(sortedRows(out[1].resolve("gsea")), cluster);
        assertEquals(sortedRows(out[1].resolve("rejects")), sortedRows(out[0].resolve("rejects")));

        // Enough datasets for one task each (the executors read the files themselves, with the broadcast Hadoop
        // configuration) instead of the driver preparing one dataset for blocks of permutations.
        Path ranks = Files.createDirectories(dir.resolve("ranks"));
        for (int d = 0; d < 6; d++) {
            Files.copy(Path.of(golden, "example.rnk"), ranks.resolve("ds" + d + ".rnk"));
        }
        Path[] many = onBoth("gsea-many", "gsea", "--gene-sets", golden + "/example.gmt", "--ranks",
                ranks.toString(), "--permutations", "100");
        assertTrue(Files.readString(many[0].resolve("_manifest.json")).contains("\"permutation_blocks\" : 1"),
                "one task per dataset");
        List<String> manyOnCluster = sortedRows(many[0].resolve("gsea"));
        assertEquals(6 * 586, manyOnCluster.size());
        assertEquals(sortedRows(many[1].resolve("gsea")), manyOnCluster);
        // the executors set their datasets' rejects aside in the output's scratch directory, read back afterwards
        List<String> manyRejects = sortedRows(many[0].resolve("rejects"));
        assertTrue(manyRejects.size() > 6 * 871, "every dataset's sets dropped by the size filter, at least");
        assertEquals(sortedRows(many[1].resolve("rejects")), manyRejects);
        assertTrue(!Files.exists(many[0].resolve("_scratch")), "the scratch directory is not committed");
    }

    @Test
    void alignGivesTheSameRowsAsLocal() throws Exception {
        String samples = PROJECT.resolve("src/main/resources/org/biospark/samples").toString();
        Path[] out = onBoth("align", "align", "--queries", samples + "/blog_queries.fa", "--references",
                samples + "/blog_reference.fa", "--traceback", "--partitions", "4");
        List<String> cluster = sortedRows(out[0].resolve("alignments"));
        assertEquals(1000, cluster.size());
        assertEquals(sortedRows(out[1].resolve("alignments")), cluster);
    }

    /**
     * The one-pass plan on a cluster: executors read, check and align their splits and report what they read through
     * an accumulator; the rejects' lines, numbered from those reports, equal a local run's.
     */
    @Test
    void alignInOnePassGivesTheSameRowsAndRejectsAsLocal() throws Exception {
        Path queries = Files.writeString(dir.resolve("one_pass_queries.fa"), reads(11, 8_200_000));
        Path[] out = alignInSplitsOnBoth("align-one-pass", queries);
        for (Path run : out) {
            String manifest = Files.readString(run.resolve("_manifest.json"));
            assertTrue(manifest.contains("\"query_passes\" : 1"), run + ": " + manifest);
        }
        List<String> rejects = sortedRows(out[0].resolve("rejects"));
        assertTrue(rejects.size() >= 10, rejects.toString());
        assertEquals(sortedRows(out[1].resolve("rejects")), rejects);
        assertEquals(sortedRows(out[1].resolve("alignments")), sortedRows(out[0].resolve("alignments")));
    }

    /** Aligns {@code queries} against the bundled reference in splits of 1 MB, on the cluster and locally. */
    private Path[] alignInSplitsOnBoth(String name, Path queries) throws Exception {
        String samples = PROJECT.resolve("src/main/resources/org/biospark/samples").toString();
        return onBoth(name, "align", "--queries", queries.toString(), "--references", samples + "/blog_reference.fa",
                "--split-size", "1");
    }

    /** 150-bp reads in two-line FASTA records, an invalid residue in every 5,000th, up to about {@code bytes}. */
    private static String reads(long seed, int bytes) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder q = new StringBuilder();
        for (int i = 0; q.length() < bytes; i++) {
            q.append(">r").append(i).append('\n');
            for (int j = 0; j < 150; j++) {
                q.append(i % 5000 == 17 && j == 70 ? 'Z' : "ACGT".charAt(random.nextInt(4)));
                if (j == 79) {
                    q.append('\n');
                }
            }
            q.append('\n');
        }
        return q.toString();
    }

    /**
     * A gzip query file on a cluster: an executor inflates it into the run's scratch directory, the executors align
     * the copy's splits in one pass, and rows and rejects (named after the gzip file, with its lines) equal a local
     * run's.
     */
    @Test
    void aGzipFileIsInflatedSplitAndAlignedAsLocally() throws Exception {
        Path queries = dir.resolve("inflated_queries.fa.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(queries))) {
            out.write(reads(12, 8_200_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Path[] out = alignInSplitsOnBoth("align-gzip", queries);
        for (Path run : out) {
            String manifest = Files.readString(run.resolve("_manifest.json"));
            assertTrue(manifest.contains("\"query_files_inflated\" : 1"), run + ": " + manifest);
            assertTrue(manifest.contains("\"query_passes\" : 1"), run + ": " + manifest);
            assertFalse(Files.exists(run.resolve("_scratch")), run + " keeps its scratch directory");
        }
        List<String> rejects = sortedRows(out[0].resolve("rejects"));
        assertTrue(rejects.size() >= 5, rejects.toString());
        assertTrue(rejects.stream().allMatch(r -> r.contains("inflated_queries.fa.gz,")), rejects.toString());
        assertEquals(sortedRows(out[1].resolve("rejects")), rejects);
        assertEquals(sortedRows(out[1].resolve("alignments")), sortedRows(out[0].resolve("alignments")));
    }

    /**
     * Fault: an executor JVM killed (-9) while an align job with many tasks runs. The worker starts a new one, the
     * lost tasks run again, and the output has exactly the expected rows: none lost, none twice.
     */
    @Test
    void aKilledExecutorCostsTimeNotData() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Path queries = dir.resolve("fault_queries.fa");
        Path references = dir.resolve("fault_references.fa");
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            q.append(">q").append(i).append('\n');
            for (int j = 0; j < 200; j++) {
                q.append("ACGT".charAt(random.nextInt(4)));
            }
            q.append('\n');
        }
        Files.writeString(queries, q);
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            r.append(">r").append(i).append('\n');
            for (int j = 0; j < 2000; j++) {
                r.append("ACGT".charAt(random.nextInt(4)));
            }
            r.append('\n');
        }
        Files.writeString(references, r);
        Set<Long> workers = Files.readAllLines(dir.resolve("cluster/pids")).stream().skip(1).map(Long::parseLong)
                .collect(Collectors.toSet());
        Path out = dir.resolve("fault");
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("submit/biospark").toString(), "--master", master,
                "align", "--queries", queries.toString(), "--references", references.toString(), "--mode", "local",
                "--partitions", "60", "--out", out.toString()).directory(dir.toFile());
        builder.environment().remove("SPARK_HOME");
        builder.environment().put("SPARK_CONF_DIR", dir.resolve("cluster/conf").toString());
        builder.environment().put("BIOSPARK_NO_BUILD", "1");
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
                    .filter(p -> p.info().startInstant().map(t -> t.isBefore(java.time.Instant.now()
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
        SparkSession spark = TestSpark.session();
        var alignments = spark.read().parquet(out.resolve("alignments").toString());
        assertEquals(6000L * 40, alignments.count(), "rows");
        assertEquals(6000L * 40, alignments.select("query_id", "target_id").distinct().count(), "distinct pairs");
    }

    @Test
    void theSecretIsPrivateASubmissionWithoutItIsRefusedAndRestIsClosed() throws Exception {
        Path conf = dir.resolve("cluster/conf/spark-defaults.conf");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(conf));
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", 6066).close(), "the REST port is closed");
        Outcome refused = run(dir, Map.of(), PROJECT.resolve("submit/biospark").toString(), "--master", master,
                "sumrange", "--to", "1000", "--out", dir.resolve("refused").toString());
        assertNotEquals(0, refused.exitCode(), refused.stdout());
        assertTrue(refused.stderr().contains("SASL") || refused.stderr().contains("unresponsive"), refused.stderr());
        assertTrue(!Files.exists(dir.resolve("refused/_manifest.json")), "nothing was computed");

        // a wrong secret: the cluster's configuration with another secret in it
        Path wrong = dir.resolve("wrong-conf");
        Files.createDirectories(wrong);
        Files.writeString(wrong.resolve("spark-defaults.conf"), Files.readAllLines(conf).stream()
                .map(line -> line.startsWith("spark.authenticate.secret ") ? "spark.authenticate.secret 0123abcd" : line)
                .collect(Collectors.joining("\n")));
        Outcome wrongSecret = run(dir, Map.of("SPARK_CONF_DIR", wrong.toString()),
                PROJECT.resolve("submit/biospark").toString(), "--master", master, "sumrange", "--to", "1000",
                "--out", dir.resolve("refused-too").toString());
        assertNotEquals(0, wrongSecret.exitCode(), wrongSecret.stdout());
        assertTrue(!Files.exists(dir.resolve("refused-too/_manifest.json")), "nothing was computed");
    }
}
