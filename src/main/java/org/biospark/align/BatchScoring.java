package org.biospark.align;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The vector batches of {@link Aligner#scores}: non-empty queries sorted by length, one per lane, against one or
 * many targets, in the kernel that applies to the scheme (8-bit local lanes, 8-bit global cell differences, or
 * 16-bit lanes), falling back to the aligner's single-pair score where a batch cannot hold the scores.
 */
final class BatchScoring {
    private final Aligner aligner;
    private final Scoring scoring;
    private final AlignmentMode mode;

    BatchScoring(Aligner aligner) {
        this.aligner = aligner;
        this.scoring = aligner.scoring();
        this.mode = aligner.mode();
    }

    /**
     * Global and semi-global, 8-bit batches of cell differences ({@link DifferenceBatchAligner}), exact at any
     * length: one profile per batch for all the targets. Empty targets are already scored.
     */
    void inDifferences(byte[][] sorted, int first, List<byte[]> targets, int[][] sortedScores) {
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

    /** {@link #inShorts} for many targets: one 16-bit profile per batch. Empty targets are already scored. */
    void allInShorts(byte[][] sorted, int first, List<byte[]> targets, int[][] sortedScores) {
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
                        sortedScores[t][q] = aligner.score(sorted[q], target);
                    }
                }
            }
        }
    }

    /**
     * {@link #inBytes} for many targets: one 8-bit profile per batch; a target whose batches saturate in more
     * than half their lanes goes to 16 bits for the rest, and saturated lanes are scored again in 16 bits.
     */
    void allInBytes(byte[][] sorted, int first, List<byte[]> targets, int[][] sortedScores) {
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
                    inShorts(sorted, k, k + count, target, sortedScores[t]);
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
    void inShorts(byte[][] sorted, int first, int end, byte[] target, int[] sortedScores) {
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
                    sortedScores[q] = aligner.score(sorted[q], target);
                }
            }
        }
    }

    /**
     * Local, 8-bit batches first; the lanes that saturated are scored again in 16 bits. Once a batch saturates in
     * more than half its lanes (similar sequences, high scores), the rest go straight to 16 bits.
     */
    void inBytes(byte[][] sorted, int first, byte[] target, int[] sortedScores) {
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
                inShorts(sorted, k + count, sorted.length, target, sortedScores);
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
        inShorts(saturated, 0, saturated.length, target, rescored);
        for (int a = 0; a < again.length; a++) {
            sortedScores[again[a]] = rescored[a];
        }
    }
}
