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
        if (vector && query.length > 0 && target.length > 0) {
            if (AntiDiagonalAligner.applies(query, target, scoring, mode)) {
                return AntiDiagonalAligner.score(query, target, scoring, mode);
            }
            if (query.length < target.length && scoring.matrix().symmetric()
                    && StripedAligner.worthIt(target.length, query.length)) {
                return StripedAligner.score(target, query, scoring, mode.swapped());
            }
            if (StripedAligner.worthIt(query.length, target.length)) {
                return StripedAligner.score(query, target, scoring, mode);
            }
        }
        return ScalarAligner.score(query, target, scoring, mode);
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
        if (ByteLocalAligner.applies(scoring, mode)) {
            scoreInBytes(sorted, k, target, sortedScores);
        } else if (DifferenceBatchAligner.applies(scoring, mode)) {
            scoreInDifferences(sorted, k, List.of(target), new int[][] {sortedScores});
        } else {
            scoreInShorts(sorted, k, sorted.length, target, sortedScores);
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
        if (ByteLocalAligner.applies(scoring, mode)) {
            scoreAllInBytes(sorted, first, targets, sortedScores);
        } else if (DifferenceBatchAligner.applies(scoring, mode)) {
            scoreInDifferences(sorted, first, targets, sortedScores);
        } else {
            scoreAllInShorts(sorted, first, targets, sortedScores);
        }
        for (int t = 0; t < count; t++) {
            result[t] = new int[queries.length];
            for (int q = 0; q < order.length; q++) {
                result[t][order[q]] = sortedScores[t][q];
            }
        }
        return result;
    }

    /**
     * Global and semi-global, 8-bit batches of cell differences ({@link DifferenceBatchAligner}), exact at any
     * length: one profile per batch for all the targets. Empty targets are already scored.
     */
    private void scoreInDifferences(byte[][] sorted, int first, List<byte[]> targets, int[][] sortedScores) {
        int lanes = DifferenceBatchAligner.lanes();
        boolean[] used = QueryProfiles.used(scoring.matrix(), targets.toArray(new byte[0][]));
        for (int k = first; k < sorted.length; k += lanes) {
            int count = Math.min(lanes, sorted.length - k);
            byte[][] profile = DifferenceBatchAligner.profile(sorted, k, count, scoring, used);
            for (int t = 0; t < targets.size(); t++) {
                if (targets.get(t).length > 0) {
                    DifferenceBatchAligner.scoreBatch(sorted, k, count, profile, targets.get(t), scoring, mode,
                            sortedScores[t]);
                }
            }
        }
    }

    /** {@link #scoreInShorts} for many targets: one 16-bit profile per batch. Empty targets are already scored. */
    private void scoreAllInShorts(byte[][] sorted, int first, List<byte[]> targets, int[][] sortedScores) {
        int lanes = VectorBatchAligner.lanes();
        boolean[] used = QueryProfiles.used(scoring.matrix(), targets.toArray(new byte[0][]));
        for (int k = first; k < sorted.length; k += lanes) {
            int count = Math.min(lanes, sorted.length - k);
            short[][] profile = null;
            for (int t = 0; t < targets.size(); t++) {
                byte[] target = targets.get(t);
                if (target.length == 0) {
                    continue;
                }
                if (VectorBatchAligner.fits(scoring, sorted[k + count - 1].length, target.length)) {
                    if (profile == null) {
                        profile = VectorBatchAligner.profile(sorted, k, count, scoring.matrix(), used);
                    }
                    VectorBatchAligner.scoreBatch(sorted, k, count, profile, target, scoring, mode, sortedScores[t]);
                } else {
                    for (int q = k; q < k + count; q++) {
                        sortedScores[t][q] = score(sorted[q], target);
                    }
                }
            }
        }
    }

    /**
     * {@link #scoreInBytes} for many targets: one 8-bit profile per batch; a target whose batches saturate in more
     * than half their lanes goes to 16 bits for the rest, and saturated lanes are scored again in 16 bits.
     */
    private void scoreAllInBytes(byte[][] sorted, int first, List<byte[]> targets, int[][] sortedScores) {
        int lanes = ByteLocalAligner.lanes();
        boolean[] used = QueryProfiles.used(scoring.matrix(), targets.toArray(new byte[0][]));
        boolean[] inShorts = new boolean[targets.size()];
        for (int k = first; k < sorted.length; k += lanes) {
            int count = Math.min(lanes, sorted.length - k);
            byte[][] profile = null;
            for (int t = 0; t < targets.size(); t++) {
                byte[] target = targets.get(t);
                if (target.length == 0) {
                    continue;
                }
                if (inShorts[t]) {
                    scoreInShorts(sorted, k, k + count, target, sortedScores[t]);
                    continue;
                }
                if (profile == null) {
                    profile = ByteLocalAligner.profile(sorted, k, count, scoring.matrix(), used);
                }
                ByteLocalAligner.scoreBatch(k, count, profile, target, scoring, sortedScores[t]);
                int saturated = 0;
                for (int q = k; q < k + count; q++) {
                    saturated += sortedScores[t][q] == ByteLocalAligner.SATURATED ? 1 : 0;
                }
                inShorts[t] = 2 * saturated > count;
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).length > 0) {
                rescoreSaturated(sorted, first, targets.get(t), sortedScores[t]);
            }
        }
    }

    /** 16-bit batches of non-empty queries sorted by length, [first, end); scalar where they do not fit. */
    private void scoreInShorts(byte[][] sorted, int first, int end, byte[] target, int[] sortedScores) {
        int lanes = VectorBatchAligner.lanes();
        boolean[] used = QueryProfiles.used(scoring.matrix(), target);
        for (int k = first; k < end; k += lanes) {
            int count = Math.min(lanes, end - k);
            if (VectorBatchAligner.fits(scoring, sorted[k + count - 1].length, target.length)) {
                VectorBatchAligner.scoreBatch(sorted, k, count,
                        VectorBatchAligner.profile(sorted, k, count, scoring.matrix(), used), target, scoring, mode,
                        sortedScores);
            } else {
                for (int q = k; q < k + count; q++) {
                    sortedScores[q] = score(sorted[q], target);
                }
            }
        }
    }

    /**
     * Local, 8-bit batches first; the lanes that saturated are scored again in 16 bits. Once a batch saturates in
     * more than half its lanes (similar sequences, high scores), the rest go straight to 16 bits.
     */
    private void scoreInBytes(byte[][] sorted, int first, byte[] target, int[] sortedScores) {
        int lanes = ByteLocalAligner.lanes();
        boolean[] used = QueryProfiles.used(scoring.matrix(), target);
        for (int k = first; k < sorted.length; k += lanes) {
            int count = Math.min(lanes, sorted.length - k);
            ByteLocalAligner.scoreBatch(k, count, ByteLocalAligner.profile(sorted, k, count, scoring.matrix(), used),
                    target, scoring, sortedScores);
            int saturated = 0;
            for (int q = k; q < k + count; q++) {
                saturated += sortedScores[q] == ByteLocalAligner.SATURATED ? 1 : 0;
            }
            if (2 * saturated > count && k + count < sorted.length) {
                scoreInShorts(sorted, k + count, sorted.length, target, sortedScores);
                break;
            }
        }
        rescoreSaturated(sorted, first, target, sortedScores);
    }

    /** Scores again in 16 bits the queries of [first, end) that saturated in bytes. */
    private void rescoreSaturated(byte[][] sorted, int first, byte[] target, int[] sortedScores) {
        int[] again = IntStream.range(first, sorted.length)
                .filter(q -> sortedScores[q] == ByteLocalAligner.SATURATED).toArray();
        if (again.length == 0) {
            return;
        }
        byte[][] saturated = new byte[again.length][];
        for (int a = 0; a < again.length; a++) {
            saturated[a] = sorted[again[a]];
        }
        int[] rescored = new int[again.length];
        scoreInShorts(saturated, 0, saturated.length, target, rescored);
        for (int a = 0; a < again.length; a++) {
            sortedScores[again[a]] = rescored[a];
        }
    }
}
