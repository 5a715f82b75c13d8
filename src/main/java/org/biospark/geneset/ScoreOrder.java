package org.biospark.geneset;

/**
 * The rank order of many statistics at once, fast enough to rerank every gene for every label permutation: a radix
 * sort. Each statistic gets a 22-bit key, floor((max - x) * (2^22 - 1) / (max - min)), which never gives a higher
 * statistic a larger key; the keys, packed above the indices into longs, are put in order by two stable counting
 * passes of 11 bits, with no comparison and no branch that depends on the data (two passes rather than three of 8
 * bits, and 22-bit keys in longs rather than 18-bit keys packed with the index into ints, which share far more
 * keys).
 * Statistics closer than a key's width can share a key; each such run is then ordered exactly: statistic descending
 * as {@link Double#compare} orders them, ties by index. Given statistics in gene-id order, that is the order {@link
 * RankedList} ranks them in. One instance per thread: it keeps its buffers.
 */
final class ScoreOrder {
    private static final int DIGIT_BITS = 11;
    private static final int DIGITS = 2;
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final long DIGIT_MASK = RADIX - 1;
    private static final long KEY_MAX = (1L << DIGITS * DIGIT_BITS) - 1;
    /** Indices take the bits below the key: up to 30 of them, so that key and index fit a positive long. */
    private static final int MOST_INDEX_BITS = 30;
    /** Runs of equal keys up to this long are ordered by insertion, longer ones (few distinct keys) by merge sort. */
    private static final int INSERTION_RUN = 32;

    private final int[] counts = new int[DIGITS * RADIX];
    private long[] sorting = new long[0];
    private long[] sorted = new long[0];

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
        if (!(range > 0)) { // all equal, or only 0.0 and -0.0: one run, in index order
            fillIdentity(order, n);
            orderRun(scores, order, 0, n);
            return;
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        if (!Double.isFinite(range) || indexBits > MOST_INDEX_BITS) { // statistics beyond +-1e308: no key map
            fillIdentity(order, n);
            mergeSort(scores, order, 0, n);
            return;
        }
        if (sorting.length < n) {
            sorting = new long[n];
            sorted = new long[n];
        }
        long[] a = sorting;
        long[] b = sorted;
        java.util.Arrays.fill(counts, 0);
        double scale = KEY_MAX / range;
        for (int i = 0; i < n; i++) { // in index order, so that every run of equal keys starts out in index order
            long key = Math.min(KEY_MAX, (long) ((max - scores[i]) * scale));
            a[i] = key << indexBits | i;
            counts[(int) (key & DIGIT_MASK)]++;
            counts[RADIX + (int) (key >>> DIGIT_BITS)]++;
        }
        for (int digit = 0; digit < DIGITS; digit++) {
            int shift = indexBits + digit * DIGIT_BITS;
            int base = digit * RADIX;
            int sum = 0;
            for (int d = base; d < base + RADIX; d++) {
                int count = counts[d];
                counts[d] = sum;
                sum += count;
            }
            for (int i = 0; i < n; i++) {
                long packed = a[i];
                b[counts[base + (int) (packed >>> shift & DIGIT_MASK)]++] = packed;
            }
            long[] swap = a;
            a = b;
            b = swap;
        }
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            order[i] = (int) (a[i] & indexMask);
        }
        int from = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || a[i] >>> indexBits != a[from] >>> indexBits) {
                if (i - from > 1) {
                    orderRun(scores, order, from, i);
                }
                from = i;
            }
        }
    }

    private static void fillIdentity(int[] order, int n) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /** Orders order[from, to), which is in index order, exactly: by statistic descending, ties by index. */
    private static void orderRun(double[] scores, int[] order, int from, int to) {
        if (to - from <= INSERTION_RUN) {
            insertionSort(scores, order, from, to);
        } else {
            mergeSort(scores, order, from, to);
        }
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

    /** Stable O(k log k) sort of order[from, to) by statistic descending (ties keep their order). */
    private static void mergeSort(double[] scores, int[] order, int from, int to) {
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = order[i];
        }
        java.util.Arrays.sort(boxed, (x, y) -> Double.compare(scores[y], scores[x]));
        for (int i = from; i < to; i++) {
            order[i] = boxed[i - from];
        }
    }
}
