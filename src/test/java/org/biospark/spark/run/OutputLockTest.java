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

import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time on an output directory, and what an interrupted run leaves behind removed by the next. */
class OutputLockTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstWorks() {
        String out = tmp.resolve("out").toString();
        try (RunOutput first = RunOutput.open(spark, out, false)) {
            UsageException e = assertThrows(UsageException.class, () -> RunOutput.open(spark, out, true));
            assertTrue(e.getMessage().contains("another run is writing to"), e.getMessage());
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(Files.exists(tmp.resolve(".out.lock")));
        }
        assertFalse(Files.exists(tmp.resolve(".out.lock")), "released");
        try (RunOutput again = RunOutput.open(spark, out, false)) {
            assertTrue(Files.exists(tmp.resolve(".out.lock")));
        }
    }

    @Test
    void theLockOfARunThatIsGoneIsTakenOverAndItsStagingRemoved() throws IOException {
        Path staging = Files.createDirectories(tmp.resolve(".out.staging-dead"));
        Files.writeString(staging.resolve("part-0.parquet"), "half written");
        long dead = deadPid();
        Files.writeString(tmp.resolve(".out.lock"), "host=" + java.net.InetAddress.getLocalHost().getHostName()
                + "\npid=" + dead + "\nstarted=2026-01-01T00:00:00Z\nstaging=" + staging.toUri() + "\n");
        try (RunOutput output = RunOutput.open(spark, tmp.resolve("out").toString(), false)) {
            assertFalse(Files.exists(staging), "the interrupted run's staging directory is removed");
        }
        assertEquals(List.of(), names());
    }

    @Test
    void aStaleLockFromAnotherHostIsTakenOverOnlyOnceItIsOld() throws IOException {
        Path lock = Files.writeString(tmp.resolve(".out.lock"), "host=elsewhere\npid=1\nstarted=now\nstaging=x\n");
        assertThrows(UsageException.class, () -> RunOutput.open(spark, tmp.resolve("out").toString(), false),
                "renewed a moment ago: its run may live");
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * OutputLock.STALE_MILLIS));
        try (RunOutput output = RunOutput.open(spark, tmp.resolve("out").toString(), false)) {
            assertTrue(Files.exists(lock), "the new run's own lock");
        }
    }

    /** A process id that no process of this host has. */
    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid--;
        }
        return pid;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
