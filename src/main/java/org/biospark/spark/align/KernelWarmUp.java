package org.biospark.spark.align;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.biospark.align.Aligner;
import org.biospark.align.Traceback;

/**
 * Gets the alignment kernel compiled before the first alignment task needs it. Until the JIT's optimising compiler
 * has compiled it, the vector kernel runs as slowly as interpreted code (every vector operation an object), so the
 * first alignment task on each core would straggle. One daemon thread per JVM and scheme aligns random queries
 * against the start of the first reference, the same calls as a task makes, for a fixed amount of work (768 M
 * cells; with {@code --traceback}, 77 M cells of paths as well; at most {@link #MAX_MILLIS}). It starts with the
 * first task of a JVM that reads queries, or on the driver already when the master is local (the driver's JVM runs the
 * tasks then). The thread priority is a hint only (Linux ignores it). It changes no result and shares nothing with
 * the tasks.
 */
final class KernelWarmUp {
    static final long MAX_MILLIS = 3_000;
    private static final int ROUNDS = 200;
    private static final int TRACEBACK_ROUNDS = 20;
    private static final int QUERIES = 64; // a full batch of the widest kernel (8-bit lanes, AVX-512)
    private static final int QUERY_LENGTH = 150;
    private static final int TARGET_LENGTH = 400;
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    private KernelWarmUp() {
    }

    /** Starts the warm-up for this scheme in this JVM, once; returns at once. */
    static void start(AlignSettings settings, ReferenceSet references) {
        String scheme = settings.mode() + "|" + settings.scoring().matrix() + "|" + settings.scoring().gaps() + "|"
                + settings.traceback();
        if (references.sequences().isEmpty() || !STARTED.add(scheme)) {
            return;
        }
        Aligner aligner = new Aligner(settings.scoring(), settings.mode());
        boolean traceback = settings.traceback();
        Thread thread = new Thread(() -> run(aligner, references.sequences().get(0), MAX_MILLIS, traceback),
                "biospark-kernel-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * The warm-up itself: random queries over the reference's residues against its start, scores and, with
     * {@code traceback}, paths ({@link Traceback#alignAll}, {@link #TRACEBACK_ROUNDS} rounds after the scores);
     * returns the sum of one score per round (so that the work cannot be optimised away). Stops after {@code maxMillis}
     * whatever is left, so the sum depends on the time taken unless the limit is out of reach.
     */
    static long run(Aligner aligner, byte[] reference, long maxMillis, boolean traceback) {
        byte[] target = Arrays.copyOf(reference, Math.min(reference.length, TARGET_LENGTH));
        SplittableRandom random = new SplittableRandom(1);
        byte[][] queries = new byte[QUERIES][QUERY_LENGTH];
        for (byte[] query : queries) {
            for (int i = 0; i < query.length; i++) {
                query[i] = target[random.nextInt(target.length)];
            }
        }
        long start = System.nanoTime();
        long limit = maxMillis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : maxMillis * 1_000_000;
        long checksum = 0;
        for (int round = 0; round < ROUNDS && System.nanoTime() - start < limit; round++) {
            checksum += aligner.scores(queries, List.of(target))[0][round % queries.length];
        }
        for (int round = 0; traceback && round < TRACEBACK_ROUNDS && System.nanoTime() - start < limit; round++) {
            checksum += Traceback.alignAll(queries, target, aligner.scoring(), aligner.mode())[round % queries.length]
                    .score();
        }
        return checksum;
    }
}
