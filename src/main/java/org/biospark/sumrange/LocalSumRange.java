package org.biospark.sumrange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two engines that run without Spark: a plain Java thread pool, and one thread. They exist so that the JVM's
 * answer to the interpreter-lock comparison (threads, processes) can be measured beside the Spark engine.
 */
public final class LocalSumRange {
    private LocalSumRange() {
    }

    /** Sums every slice on the calling thread, in order. */
    public static List<PartialSum> serial(List<RangeSlice> slices) {
        String host = hostName();
        List<PartialSum> results = new ArrayList<>(slices.size());
        for (RangeSlice slice : slices) {
            results.add(PartialSum.compute(slice, "serial", host));
        }
        return results;
    }

    /** Sums the slices on a pool of {@code threads} threads; results come back in slice order. */
    public static List<PartialSum> threads(List<RangeSlice> slices, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        String host = hostName();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PartialSum>> futures = new ArrayList<>(slices.size());
            for (RangeSlice slice : slices) {
                futures.add(pool.submit(() -> PartialSum.compute(slice, Thread.currentThread().getName(), host)));
            }
            List<PartialSum> results = new ArrayList<>(slices.size());
            for (Future<PartialSum> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while summing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a summing thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** This machine's host name, or "localhost" when it cannot be resolved. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
