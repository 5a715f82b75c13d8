package org.biospark.spark.run;

import java.util.Locale;

import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a long job's progress on the console every {@code interval} seconds: units done (as counted by the
 * tasks that finished, through an accumulator), the rate, and the time left at that rate. Quiet for jobs shorter
 * than one interval. Runs on a daemon thread of the driver until closed.
 */
public final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final Thread thread;

    private Progress(Thread thread) {
        this.thread = thread;
    }

    public static Progress start(String label, String unit, long total, LongAccumulator done, long intervalMillis) {
        long started = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(intervalMillis);
                    LOG.info(line(label, unit, done.value(), total, (System.nanoTime() - started) / 1e9));
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "biospark-progress");
        thread.setDaemon(true);
        thread.start();
        return new Progress(thread);
    }

    /** "align: 1,234,567 of 9,999,999 pairs (12.3%), 45,678 pairs/s, about 3 min left". */
    public static String line(String label, String unit, long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? duration((total - done) / rate) : "unknown";
        return String.format(Locale.ROOT, "%s: %,d of %,d %s (%.1f%%), %,.0f %s/s, about %s left", label, done, total,
                unit, total > 0 ? 100.0 * done / total : 100.0, rate, unit, left);
    }

    private static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
