package org.biospark.geneset;

/**
 * The rank order of many statistics at once, fast enough to rerank every gene for every label permutation: a
 * bucket sort. Each statistic goes to one of N buckets by a map that never puts a higher statistic in a later
 * bucket (floor((max - x) * N / (max - min)), monotone in x), and each bucket, holding one or two on average, is
 * ordered exactly by insertion: statistic descending as {@link Double#compare} orders them, ties by index. Given
 * statistics in gene-id order, that is the order {@link RankedList} ranks them in. One instance per thread: it keeps
 * its buffers.
 */
final class ScoreOrder {
    private int[] bucketStart = new int[0];
    private int[] bucketOf = new int[0];

    /** Fills {@code order} with the indices of {@code scores} from the highest statistic down, ties by index. */
    void descending(double[] scores, int[] order) {
        int n = scores.length;
        if (n == 0) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double x : scores) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        double range = max - min;
        if (!(range > 0)) {
            insertionSort(scores, order, 0, fillIdentity(order, n)); // all equal: already in order
            return;
        }
        if (!Double.isFinite(range)) { // statistics beyond +-1e308: no bucket map, a plain sort
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, (a, b) -> Double.compare(scores[b], scores[a]));
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            return;
        }
        if (bucketStart.length < n + 1) {
            bucketStart = new int[n + 1];
            bucketOf = new int[n];
        }
        java.util.Arrays.fill(bucketStart, 0, n + 1, 0);
        double scale = (n - 1) / range;
        for (int i = 0; i < n; i++) {
            int b = (int) ((max - scores[i]) * scale);
            b = Math.min(n - 1, Math.max(0, b));
            bucketOf[i] = b;
            bucketStart[b + 1]++;
        }
        for (int b = 0; b < n; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        for (int i = 0; i < n; i++) { // in index order, so every bucket starts out with ties by index
            order[bucketStart[bucketOf[i]]++] = i;
        }
        // bucketStart[b] now holds the end of bucket b, which is where bucket b + 1 starts
        int from = 0;
        for (int b = 0; b < n; b++) {
            int to = bucketStart[b];
            if (to - from > 1) {
                insertionSort(scores, order, from, to);
            }
            from = to;
        }
    }

    private static int fillIdentity(int[] order, int n) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return n;
    }

    /** Stable insertion sort of order[from, to) by statistic descending (ties keep their order: by index). */
    private static void insertionSort(double[] scores, int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int item = order[i];
            double x = scores[item];
            int j = i - 1;
            while (j >= from && Double.compare(scores[order[j]], x) < 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = item;
        }
    }
}
