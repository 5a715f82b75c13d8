package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biospark.TestSpark;
import org.biospark.testing.Processes;
import org.biospark.testing.Processes.Outcome;
import org.biospark.testing.RandomFasta;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The standalone cluster with hosts of their own (submit/cluster --netns): the master, two workers and the submitter
 * each in a network namespace with its own address on a private subnet, joined at a bridge, so that every message
 * crosses a network stack and nothing can take loopback's shortcut. A job gives local[2]'s rows; a worker whose link
 * is cut in the middle of a job costs time, not rows; a submitter without the secret is refused. Skipped, saying why,
 * where namespaces cannot be made (not root, or a kernel that refuses them), unless BIOSPARK_REQUIRE_NETNS is set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetnsClusterIT {
    private static final String NET = "10.213.7";
    private static final Path SAMPLES = Processes.PROJECT.resolve("src/main/resources/org/biospark/samples");
    private static final java.util.regex.Pattern REFUSED =
            java.util.regex.Pattern.compile("SASL|unresponsive|Failed to connect to master");
    private static Path dir;
    private static String master;
    private static String submitter;

    @BeforeAll
    static void up() throws Exception {
        String refused = namespacesRefused();
        if (System.getenv("BIOSPARK_REQUIRE_NETNS") == null) {
            Assumptions.assumeTrue(refused == null, "no network namespaces here (" + refused + "): the cluster of"
                    + " hosts with their own addresses is not tested; run as root on a kernel that allows them");
        }
        assertEquals(null, refused, "BIOSPARK_REQUIRE_NETNS is set, but namespaces cannot be made");
        dir = Files.createTempDirectory("biospark-netns-it");
        int port = Processes.freePort();
        master = "spark://" + NET + ".1:" + port;
        submitter = "bsc" + port + "-c";
        Outcome up = Processes.run(dir, Map.of(), Processes.script("submit/cluster", "up", "--netns", NET,
                "--workers", "2", "--cores", "1", "--memory", "1g", "--port", String.valueOf(port), "--ui-port",
                "8080", "--dir", dir.resolve("cluster").toString()));
        assertEquals(0, up.exitCode(), up.output());
        // the pids up recorded are the JVMs themselves, so that down stops them and not a shell above them
        for (long pid : pids()) {
            assertTrue(ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("").endsWith("java"),
                    "pid " + pid + " is not a JVM");
        }
    }

    private static List<Long> pids() throws java.io.IOException {
        return Files.readAllLines(dir.resolve("cluster/pids")).stream().map(Long::parseLong).toList();
    }

    /** Why a namespace cannot be made here, or null. */
    private static String namespacesRefused() throws Exception {
        String name = "bsprobe" + ProcessHandle.current().pid();
        try {
            Process add = new ProcessBuilder("ip", "netns", "add", name).redirectErrorStream(true).start();
            String said = new String(add.getInputStream().readAllBytes()).strip();
            if (add.waitFor() != 0) {
                return "ip netns add: " + said;
            }
            new ProcessBuilder("ip", "netns", "del", name).start().waitFor();
            return null;
        } catch (java.io.IOException e) {
            return "no ip command: " + e.getMessage();
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (dir != null) {
            List<Long> started = Files.exists(dir.resolve("cluster/pids")) ? pids() : List.of();
            Outcome down = Processes.run(dir, Map.of(), Processes.script("submit/cluster", "down", "--dir",
                    dir.resolve("cluster").toString()));
            org.apache.hadoop.fs.FileUtil.fullyDelete(dir.toFile());
            assertEquals(0, down.exitCode(), down.output());
            for (long pid : started) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid
                        + " outlived down");
            }
        }
    }

    /** {@code submit/biospark args} run in the submitter's namespace, with the cluster's configuration or none. */
    private static List<String> fromTheSubmitter(boolean withSecret, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", submitter, "env"));
        if (withSecret) {
            command.add("SPARK_CONF_DIR=" + dir.resolve("cluster/conf"));
        }
        // the driver's UI on the namespace's loopback; its RPC on the namespace's address, from the configuration
        command.add("SPARK_LOCAL_IP=127.0.0.1");
        command.addAll(Processes.script("submit/biospark", args));
        return command;
    }

    @Test
    @Order(1)
    void aSubmitterWithoutTheSecretIsRefused() throws Exception {
        Outcome refused = Processes.runUntil(dir, Map.of(), fromTheSubmitter(false, "--master", master,
                "--conf", "spark.driver.host=" + NET + ".100", "--conf", "spark.driver.bindAddress=" + NET + ".100",
                "sumrange", "--to", "1000", "--out", dir.resolve("refused").toString()), REFUSED);
        assertTrue(REFUSED.matcher(refused.stderr()).find() && refused.exitCode() != 0, refused.output());
        assertFalse(Files.exists(dir.resolve("refused/_manifest.json")), "nothing was computed");
    }

    @Test
    @Order(2)
    void alignOverTheNetworkGivesLocalsRows() throws Exception {
        Path cluster = dir.resolve("align-cluster");
        Path local = dir.resolve("align-local");
        List<String> args = List.of("align", "--queries", SAMPLES + "/blog_queries.fa", "--references",
                SAMPLES + "/blog_reference.fa", "--traceback", "--partitions", "4");
        List<String> onCluster = new ArrayList<>(List.of("--master", master));
        onCluster.addAll(args);
        onCluster.addAll(List.of("--out", cluster.toString()));
        Outcome c = Processes.run(dir, Map.of(), fromTheSubmitter(true, onCluster.toArray(new String[0])));
        assertEquals(0, c.exitCode(), c.output());
        List<String> onLocal = new ArrayList<>(List.of("--master", "local[2]"));
        onLocal.addAll(args);
        onLocal.addAll(List.of("--out", local.toString()));
        Outcome l = Processes.run(dir, Map.of(), Processes.script("submit/biospark", onLocal.toArray(new String[0])));
        assertEquals(0, l.exitCode(), l.output());
        List<String> rows = TestSpark.sortedRows(cluster.resolve("alignments"));
        assertEquals(1000, rows.size());
        assertEquals(TestSpark.sortedRows(local.resolve("alignments")), rows);
        // the hosts talked at their own addresses: workers registered from theirs, executors called the submitter's
        String master = Files.readString(dir.resolve("cluster/logs/master.log"));
        assertTrue(master.contains("Registering worker " + NET + ".2:") && master.contains("Registering worker "
                + NET + ".3:"), master);
        String workers = Files.readString(dir.resolve("cluster/logs/worker-1.log"))
                + Files.readString(dir.resolve("cluster/logs/worker-2.log"));
        assertTrue(workers.contains("CoarseGrainedScheduler@" + NET + ".100:"), workers);
    }

    /**
     * Worker 1's link is cut at the bridge while an align job of many tasks runs on both workers: its executor
     * cannot be reached, the driver gives it up after the network timeout, and its tasks run again on worker 2. Every
     * pair is in the output once.
     */
    @Test
    @Order(3)
    void aWorkerCutOffMidJobCostsTimeNotRows() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        // enough tasks that each executor has one under way until long after the cut
        Path queries = Files.writeString(dir.resolve("cut_queries.fa"), RandomFasta.records(random, "q", 10000, 200));
        Path references = Files.writeString(dir.resolve("cut_references.fa"), RandomFasta.records(random, "r", 40,
                2000));
        Path out = dir.resolve("cut");
        Path log = dir.resolve("cut.log");
        Path workerLog = dir.resolve("cluster/logs/worker-1.log");
        long launchedBefore = launches(workerLog);
        ProcessBuilder builder = Processes.withoutSpark(dir, fromTheSubmitter(true, "--master", master,
                "--conf", "spark.network.timeout=15s", "--conf", "spark.network.timeoutInterval=3s",
                "--conf", "spark.executor.heartbeatInterval=2s", "align", "--queries", queries.toString(),
                "--references", references.toString(), "--mode", "local", "--partitions", "100", "--out",
                out.toString()));
        Process job = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 600 && launches(workerLog) == launchedBefore && job.isAlive(); i++) {
                Thread.sleep(100);
            }
            Thread.sleep(8000); // the executor registered and at work on its tasks
            assertTrue(job.isAlive(), "the job ended before the cut; make it longer: " + Files.readString(log));
            Outcome cut = Processes.run(dir, Map.of(), Processes.script("submit/cluster", "link", "down",
                    "--worker", "1", "--dir", dir.resolve("cluster").toString()));
            assertEquals(0, cut.exitCode(), cut.output());
            assertTrue(job.waitFor(5, TimeUnit.MINUTES), "the job did not finish after the cut");
        } finally {
            job.destroy();
            Processes.run(dir, Map.of(), Processes.script("submit/cluster", "link", "up", "--worker", "1", "--dir",
                    dir.resolve("cluster").toString()));
        }
        String said = Files.readString(log);
        assertEquals(0, job.exitValue(), said);
        assertTrue(said.contains("Lost executor"), "the driver gave up the cut-off executor: " + said);
        var alignments = TestSpark.session().read().parquet(out.resolve("alignments").toString());
        assertEquals(10000L * 40, alignments.count(), "rows");
        assertEquals(10000L * 40, alignments.select("query_id", "target_id").distinct().count(), "distinct pairs");
    }

    private static long launches(Path workerLog) throws java.io.IOException {
        return Files.readString(workerLog).lines().filter(l -> l.contains("Launch command")).count();
    }
}
