package org.biospark.spark.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.biospark.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's claim on an output directory: a lock file beside it ({@code .NAME.lock}) that names the run (host,
 * process, start, staging directory) and that the run renews while it lives. A second run on the same directory
 * is refused while the lock is fresh; a lock whose run is gone (its process ended on this host, or no renewal for
 * {@link #STALE_MILLIS} from another host) is taken over, and the staging directory it names, an interrupted run's
 * leftovers, is handed to the new run to remove or, when resuming, to reuse.
 */
final class OutputLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
    /** How often a live run renews its lock. */
    static final long RENEW_MILLIS = 5_000;
    /** A lock not renewed for this long belongs to a run that is gone. */
    static final long STALE_MILLIS = 30_000;

    private final FileSystem fs;
    private final Path lock;
    private final Thread renewal;
    private final String leftover;

    private OutputLock(FileSystem fs, Path lock, Thread renewal, String leftover) {
        this.fs = fs;
        this.lock = lock;
        this.renewal = renewal;
        this.leftover = leftover;
    }

    /** The lock file of {@code target}. */
    static Path path(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".lock");
    }

    /**
     * Claims {@code target} for a run that will stage its results in {@code staging}; throws a usage error naming
     * the other run while one holds it.
     */
    static OutputLock acquire(FileSystem fs, Path target, Path staging) {
        Path lock = path(target);
        try {
            String leftover = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                if (fs.createNewFile(lock)) {
                    write(fs, lock, staging);
                    Thread renewal = new Thread(() -> renew(fs, lock), "biospark-output-lock");
                    renewal.setDaemon(true);
                    renewal.start();
                    return new OutputLock(fs, lock, renewal, leftover);
                }
                Properties holder = read(fs, lock);
                FileStatus status;
                try {
                    status = fs.getFileStatus(lock);
                } catch (java.io.FileNotFoundException gone) {
                    continue; // released between the two calls
                }
                if (alive(holder, status)) {
                    throw new UsageException("another run is writing to " + target + " (" + describe(holder)
                            + "); wait for it to finish, or choose another --out");
                }
                // take the stale lock over: only one run can rename it away
                Path taken = new Path(lock.getParent(), lock.getName() + ".stale-" + UUID.randomUUID());
                if (fs.rename(lock, taken)) {
                    leftover = holder.getProperty("staging");
                    LOG.info("the run that held " + lock + " is gone (" + describe(holder) + ")");
                    fs.delete(taken, false);
                }
            }
            throw new UsageException("another run keeps claiming " + target + "; choose another --out");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the output directory " + target, e);
        }
    }

    /** Names {@code staging} as the run's staging directory, when it adopts an interrupted run's. */
    void record(Path staging) {
        try {
            write(fs, lock, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lock " + lock, e);
        }
    }

    /** The staging directory of the interrupted run whose lock this one took over, or null. */
    String leftover() {
        return leftover;
    }

    private static void write(FileSystem fs, Path lock, Path staging) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", host());
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("started", Instant.now().toString());
        p.setProperty("staging", staging.toString());
        try (OutputStream out = fs.create(lock, true)) {
            p.store(out, "biospark: a run is writing beside this file");
        }
    }

    private static Properties read(FileSystem fs, Path lock) {
        Properties p = new Properties();
        try (InputStream in = fs.open(lock)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // a lock being written, or gone: judged by its age alone
        }
        return p;
    }

    /** Whether the run that holds the lock is still there. */
    static boolean alive(Properties holder, FileStatus status) {
        String pid = holder.getProperty("pid");
        if (pid != null && host().equals(holder.getProperty("host"))) {
            try {
                return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return System.currentTimeMillis() - status.getModificationTime() < STALE_MILLIS;
    }

    private static String describe(Properties holder) {
        return "process " + holder.getProperty("pid", "?") + " on " + holder.getProperty("host", "?")
                + ", started " + holder.getProperty("started", "?");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void renew(FileSystem fs, Path lock) {
        try {
            while (true) {
                Thread.sleep(RENEW_MILLIS);
                try {
                    fs.setTimes(lock, System.currentTimeMillis(), -1);
                } catch (IOException e) {
                    LOG.warn("cannot renew " + lock + ": " + e.getMessage());
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases the directory. */
    @Override
    public void close() {
        renewal.interrupt();
        try {
            fs.delete(lock, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the lock " + lock, e);
        }
    }
}
