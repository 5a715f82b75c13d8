package org.biospark.align;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Optimal alignment scores under one scoring scheme and mode: the per-task engine of {@code biospark align}.
 *
 * <p>Many queries against one target go through the vector kernel, 16-bit lanes, one query per lane, queries sorted
 * by length so that a batch shares similar lengths, whenever the Vector API is present and the scores provably fit
 * 16 bits; everything else takes the exact 32-bit scalar kernel. Both give the same scores. Sequences are encoded
 * with {@link ScoreMatrix#encode}. Immutable and serializable: build one per task or broadcast it.
 */
public final class Aligner implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Scoring scoring;
    private final AlignmentMode mode;
    private final boolean vector;

    /** An aligner that uses the vector kernel when it can. */
    public Aligner(Scoring scoring, AlignmentMode mode) {
        this(scoring, mode, VectorSupport.available());
    }

    /** An aligner that uses the vector kernel only if {@code vector} and it can (false forces the scalar kernel). */
    public Aligner(Scoring scoring, AlignmentMode mode, boolean vector) {
        this.scoring = scoring;
        this.mode = mode;
        this.vector = vector && VectorSupport.available();
    }

    public Scoring scoring() {
        return scoring;
    }

    public AlignmentMode mode() {
        return mode;
    }

    /** Whether this aligner uses the vector kernel where scores fit. */
    public boolean vectorised() {
        return vector;
    }

    /** Encodes a sequence for this aligner's matrix; see {@link ScoreMatrix#encode}. */
    public byte[] encode(CharSequence sequence) {
        return scoring.matrix().encode(sequence);
    }

    /** The optimal score of one encoded pair. */
    public int score(byte[] query, byte[] target) {
        return ScalarAligner.score(query, target, scoring, mode);
    }

    /** The optimal scores of each encoded query against the encoded target, in the order of the queries. */
    public int[] scores(byte[][] queries, byte[] target) {
        int[] scores = new int[queries.length];
        if (!vector || target.length == 0) {
            for (int q = 0; q < queries.length; q++) {
                scores[q] = score(queries[q], target);
            }
            return scores;
        }
        Integer[] order = IntStream.range(0, queries.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(q -> queries[q].length));
        byte[][] sorted = new byte[queries.length][];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = queries[order[k]];
        }
        int[] sortedScores = new int[queries.length];
        int lanes = VectorBatchAligner.lanes();
        int k = 0;
        while (k < sorted.length && sorted[k].length == 0) {
            sortedScores[k] = score(sorted[k], target);
            k++;
        }
        for (; k < sorted.length; k += lanes) {
            int count = Math.min(lanes, sorted.length - k);
            int longest = sorted[k + count - 1].length;
            if (VectorBatchAligner.fits(scoring, longest, target.length)) {
                VectorBatchAligner.scoreBatch(sorted, k, count, target, scoring, mode, sortedScores);
            } else {
                for (int q = k; q < k + count; q++) {
                    sortedScores[q] = score(sorted[q], target);
                }
            }
        }
        for (int q = 0; q < order.length; q++) {
            scores[order[q]] = sortedScores[q];
        }
        return scores;
    }
}
