package org.biospark.align;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Optimal alignment scores under one scoring scheme and mode: the per-task engine of {@code biospark align}.
 *
 * <p>Many queries against one target go through the vector kernels, one query per lane, queries sorted by length
 * so that a batch shares similar lengths: local alignments first in 8-bit lanes, re-running saturated lanes in 16
 * bits; global and semi-global ones in 8-bit lanes of cell differences at any length when the scheme's gap costs
 * and scores are small enough ({@link DifferenceBatchAligner#applies}: all the usual ones), otherwise in 16-bit
 * lanes whenever the scores provably fit; everything else takes the exact 32-bit scalar kernel. All give the same
 * scores. Sequences are encoded with {@link ScoreMatrix#encode}. Immutable and serializable: build one per task or
 * broadcast it.
 *
 * <p>Memory is bounded by the shorter sequence of a pair, whatever the longer one's length: a batch's rows are
 * its longest query's residues, so a query too long for {@link #MAX_BATCH_BYTES} of batch is scored on its own,
 * and a single pair keeps its kernel's arrays along the shorter sequence once the longer one's would pass
 * {@link #MAX_PAIR_BYTES} (the score of q against t is that of t against q with the free ends swapped).
 */
public final class Aligner implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The most a batch's query profile and rows may take: a few reads' worth, never a contig's. */
    static final long MAX_BATCH_BYTES = 64L << 20;
    /** The most a single pair's arrays along one sequence may take before they go along the other. */
    static final long MAX_PAIR_BYTES = 64L << 20;

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

    /**
     * Whether this aligner runs the vector kernels: false when asked for the scalar kernel, or when the JVM lacks the
     * {@code jdk.incubator.vector} module (a JVM started without {@code --add-modules jdk.incubator.vector}).
     */
    public boolean vector() {
        return vector;
    }

    /** Encodes a sequence for this aligner's matrix; see {@link ScoreMatrix#encode}. */
    public byte[] encode(CharSequence sequence) {
        return scoring.matrix().encode(sequence);
    }

    /**
     * The optimal score of one encoded pair: long global and semi-global pairs of a few residues (DNA) along
     * anti-diagonals in 8-bit differences ({@link AntiDiagonalAligner}), other long pairs through the striped kernel
     * (the longer sequence striped across the lanes when the matrix is symmetric), short ones and everything without
     * the Vector API through the scalar kernel.
     */
    public int score(byte[] query, byte[] target) {
        boolean symmetric = scoring.matrix().symmetric();
        if (vector && query.length > 0 && target.length > 0) {
            // the anti-diagonal kernel keeps a few bytes per query row
            if (AntiDiagonalAligner.applies(query, target, scoring, mode) && 8L * query.length <= MAX_PAIR_BYTES) {
                return AntiDiagonalAligner.score(query, target, scoring, mode);
            }
            if (symmetric && AntiDiagonalAligner.applies(target, query, scoring, mode.swapped())
                    && 8L * target.length <= MAX_PAIR_BYTES) {
                return AntiDiagonalAligner.score(target, query, scoring, mode.swapped());
            }
            // striping the longer sequence needs fewer corrections, while its profile fits
            if (query.length < target.length && symmetric && StripedAligner.worthIt(target.length, query.length)
                    && stripedBytes(target.length) <= MAX_PAIR_BYTES) {
                return StripedAligner.score(target, query, scoring, mode.swapped());
            }
            if (StripedAligner.worthIt(query.length, target.length) && stripedBytes(query.length) <= MAX_PAIR_BYTES) {
                return StripedAligner.score(query, target, scoring, mode);
            }
            if (query.length > target.length && symmetric && StripedAligner.worthIt(target.length, query.length)) {
                return StripedAligner.score(target, query, scoring, mode.swapped());
            }
        }
        // the scalar kernel keeps two rows along the target: the shorter sequence, when the matrix allows
        if (symmetric && query.length < target.length && 8L * target.length > MAX_PAIR_BYTES) {
            return ScalarAligner.score(target, query, scoring, mode.swapped());
        }
        return ScalarAligner.score(query, target, scoring, mode);
    }

    /** The bytes of the striped kernel's profile and rows for a striped sequence of {@code length}. */
    private long stripedBytes(int length) {
        return 4L * length * (scoring.matrix().size() + 4);
    }

    /**
     * The longest query a batch takes within {@link #MAX_BATCH_BYTES}: its profile and rows hold a value per lane,
     * residue code and row, in up to 16 bits, for the widest of the batch kernels.
     */
    int maxBatchRows() {
        long lanes = Math.max(DifferenceBatchAligner.lanes(), VectorBatchAligner.lanes());
        return (int) Math.min(Integer.MAX_VALUE, MAX_BATCH_BYTES / (lanes * (scoring.matrix().size() + 3) * 2));
    }

    /** The end of the queries, sorted by length, from {@code first} that a batch takes; the rest go one by one. */
    private int batchEnd(byte[][] sorted, int first) {
        int limit = maxBatchRows();
        int end = sorted.length;
        while (end > first && sorted[end - 1].length > limit) {
            end--;
        }
        return end;
    }

    /**
     * The optimal scores of one encoded query against each encoded target, in the order of the targets. With a
     * symmetric matrix the targets fill the vector lanes (the score of q against t is that of t against q with the
     * free ends swapped); otherwise each pair takes the scalar kernel.
     */
    public int[] scoresAgainst(byte[] query, byte[][] targets) {
        if (vector && scoring.matrix().symmetric()) {
            return new Aligner(scoring, mode.swapped(), true).scores(targets, query);
        }
        int[] scores = new int[targets.length];
        for (int t = 0; t < targets.length; t++) {
            scores[t] = score(query, targets[t]);
        }
        return scores;
    }

    /** How many sequences one vector batch aligns at once (1 without the Vector API). */
    public int batchWidth() {
        if (!vector) {
            return 1;
        }
        return ByteLocalAligner.applies(scoring, mode) || DifferenceBatchAligner.applies(scoring, mode)
                ? DifferenceBatchAligner.lanes() : VectorBatchAligner.lanes();
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
        int k = 0;
        while (k < sorted.length && sorted[k].length == 0) {
            sortedScores[k] = score(sorted[k], target);
            k++;
        }
        int end = batchEnd(sorted, k);
        for (int q = end; q < sorted.length; q++) {
            sortedScores[q] = score(sorted[q], target);
        }
        byte[][] batched = end == sorted.length ? sorted : Arrays.copyOf(sorted, end);
        if (ByteLocalAligner.applies(scoring, mode)) {
            new BatchScoring(this).inBytes(batched, k, target, sortedScores);
        } else if (DifferenceBatchAligner.applies(scoring, mode)) {
            new BatchScoring(this).inDifferences(batched, k, List.of(target), new int[][] {sortedScores});
        } else {
            new BatchScoring(this).inShorts(batched, k, batched.length, target, sortedScores);
        }
        for (int q = 0; q < order.length; q++) {
            scores[order[q]] = sortedScores[q];
        }
        return scores;
    }

    /**
     * The optimal scores of each encoded query against each encoded target: {@code [target][query]}, the same as
     * {@link #scores(byte[][], byte[])} target by target. Each batch's query profile is built once for all the
     * targets: for protein queries against many targets building it costs about as much as aligning.
     */
    public int[][] scores(byte[][] queries, List<byte[]> targets) {
        int count = targets.size();
        int[][] result = new int[count][];
        if (!vector || count < 2) {
            for (int t = 0; t < count; t++) {
                result[t] = scores(queries, targets.get(t));
            }
            return result;
        }
        Integer[] order = IntStream.range(0, queries.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(q -> queries[q].length));
        byte[][] sorted = new byte[queries.length][];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = queries[order[k]];
        }
        int[][] sortedScores = new int[count][queries.length];
        int first = 0;
        while (first < sorted.length && sorted[first].length == 0) {
            first++;
        }
        for (int t = 0; t < count; t++) {
            byte[] target = targets.get(t);
            for (int q = 0; q < (target.length == 0 ? sorted.length : first); q++) {
                sortedScores[t][q] = score(sorted[q], target);
            }
        }
        int end = batchEnd(sorted, first);
        for (int t = 0; t < count; t++) {
            byte[] target = targets.get(t);
            for (int q = Math.max(first, end); target.length > 0 && q < sorted.length; q++) {
                sortedScores[t][q] = score(sorted[q], target);
            }
        }
        byte[][] batched = end == sorted.length ? sorted : Arrays.copyOf(sorted, Math.max(first, end));
        if (ByteLocalAligner.applies(scoring, mode)) {
            new BatchScoring(this).allInBytes(batched, first, targets, sortedScores);
        } else if (DifferenceBatchAligner.applies(scoring, mode)) {
            new BatchScoring(this).inDifferences(batched, first, targets, sortedScores);
        } else {
            new BatchScoring(this).allInShorts(batched, first, targets, sortedScores);
        }
        for (int t = 0; t < count; t++) {
            result[t] = new int[queries.length];
            for (int q = 0; q < order.length; q++) {
                result[t][order[q]] = sortedScores[t][q];
            }
        }
        return result;
    }
}
