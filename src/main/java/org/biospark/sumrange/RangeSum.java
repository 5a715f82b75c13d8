package org.biospark.sumrange;

import java.math.BigInteger;

/**
 * Exact sums of integer ranges: the CPU-bound kernel of {@code biospark sumrange}.
 *
 * <p>{@link #loop} really adds every integer, one at a time, because the job is a benchmark of a tight loop and not
 * of arithmetic: the inner loop accumulates in a {@code long} over blocks short enough never to overflow, and the
 * blocks are added exactly. {@link #closedForm} is the check.
 */
public final class RangeSum {
    /** Largest magnitude accepted for either end of a range: 10^15. */
    public static final long MAX_ABS = 1_000_000_000_000_000L;

    /** Longest block of the inner loop; shorter when the values are so large that a block sum could overflow. */
    private static final long MAX_BLOCK = 1L << 24;

    private RangeSum() {
    }

    /** The sum of every integer in [from, to), computed by a loop; zero when {@code to <= from}. */
    public static BigInteger loop(long from, long to) {
        checkBounds(from, to);
        if (to <= from) {
            return BigInteger.ZERO;
        }
        long largest = Math.max(Math.abs(from), Math.abs(to));
        long block = Math.max(1, Math.min(MAX_BLOCK, Long.MAX_VALUE / Math.max(1, largest)));
        long high = 0; // the exact total is high * 2^64 + unsigned(low)
        long low = 0;
        for (long start = from; start < to; ) {
            int length = (int) Math.min(block, to - start);
            long blockSum = sumBlock(start, length);
            long newLow = low + blockSum;
            high += (blockSum >> 63) + (Long.compareUnsigned(newLow, low) < 0 ? 1 : 0);
            low = newLow;
            start += length;
        }
        return toBigInteger(high, low);
    }

    /** The sum of [from, to) by Gauss's formula: (from + to - 1) * (to - from) / 2. */
    public static BigInteger closedForm(long from, long to) {
        checkBounds(from, to);
        if (to <= from) {
            return BigInteger.ZERO;
        }
        BigInteger n = BigInteger.valueOf(to).subtract(BigInteger.valueOf(from));
        BigInteger firstPlusLast = BigInteger.valueOf(from).add(BigInteger.valueOf(to - 1));
        return firstPlusLast.multiply(n).shiftRight(1);
    }

    /** Rejects ends outside [-{@link #MAX_ABS}, {@link #MAX_ABS}]. */
    static void checkBounds(long from, long to) {
        if (Math.abs(from) > MAX_ABS || Math.abs(to) > MAX_ABS) {
            throw new IllegalArgumentException(
                    "range [" + from + ", " + to + ") is outside the supported bounds of +/-" + MAX_ABS);
        }
    }

    private static long sumBlock(long start, int length) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            sum += start + i;
        }
        return sum;
    }

    private static BigInteger toBigInteger(long high, long low) {
        BigInteger unsignedLow = BigInteger.valueOf(low >>> 1).shiftLeft(1).or(BigInteger.valueOf(low & 1));
        return BigInteger.valueOf(high).shiftLeft(64).add(unsignedLow);
    }
}
