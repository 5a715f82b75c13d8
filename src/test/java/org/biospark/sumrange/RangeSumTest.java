package org.biospark.sumrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class RangeSumTest {
    /** An obviously correct reference: one BigInteger addition per integer. */
    private static BigInteger reference(long from, long to) {
        BigInteger sum = BigInteger.ZERO;
        for (long i = from; i < to; i++) {
            sum = sum.add(BigInteger.valueOf(i));
        }
        return sum;
    }

    @Test
    void emptyRangesSumToZero() {
        assertEquals(BigInteger.ZERO, RangeSum.loop(5, 5));
        assertEquals(BigInteger.ZERO, RangeSum.loop(5, 2));
        assertEquals(BigInteger.ZERO, RangeSum.closedForm(5, 5));
        assertEquals(BigInteger.ZERO, RangeSum.closedForm(-3, -7));
    }

    @Test
    void oneElement() {
        assertEquals(BigInteger.valueOf(42), RangeSum.loop(42, 43));
        assertEquals(BigInteger.valueOf(-42), RangeSum.loop(-42, -41));
        assertEquals(BigInteger.ZERO, RangeSum.loop(0, 1));
        assertEquals(BigInteger.valueOf(-42), RangeSum.closedForm(-42, -41));
    }

    @Test
    void smallRangesMatchTheReference() {
        long[][] ranges = {{0, 10}, {-10, 10}, {-10, 0}, {-1000, 37}, {1, 100_001}, {-77_777, -3}};
        for (long[] r : ranges) {
            assertEquals(reference(r[0], r[1]), RangeSum.loop(r[0], r[1]), "loop " + r[0] + ".." + r[1]);
            assertEquals(reference(r[0], r[1]), RangeSum.closedForm(r[0], r[1]), "closed form " + r[0] + ".." + r[1]);
        }
    }

    @Test
    void sumsThatOverflowALongAreExact() {
        long top = RangeSum.MAX_ABS;
        // 300,000 integers near 10^15 sum to about 3e20, far beyond Long.MAX_VALUE (9.2e18).
        assertEquals(reference(top - 300_000, top), RangeSum.loop(top - 300_000, top));
        assertEquals(reference(-top, -top + 300_000), RangeSum.loop(-top, -top + 300_000));
        // Large magnitudes force blocks of a few thousand integers, crossing many block boundaries.
        assertEquals(reference(top - 5_000_123, top - 4_000_000), RangeSum.loop(top - 5_000_123, top - 4_000_000));
    }

    @Test
    void theClassicTenToTheTenIsExact() {
        assertEquals(new BigInteger("49999999995000000000"), RangeSum.closedForm(0, 10_000_000_000L));
    }

    @Test
    void closedFormHandlesTheWholeSupportedRange() {
        long top = RangeSum.MAX_ABS;
        assertEquals(BigInteger.valueOf(-top), RangeSum.closedForm(-top, top));
        assertEquals(reference(-5, 6), RangeSum.closedForm(-5, 6));
    }

    @Test
    void rejectsEndsBeyondTheBounds() {
        assertThrows(IllegalArgumentException.class, () -> RangeSum.loop(0, RangeSum.MAX_ABS + 1));
        assertThrows(IllegalArgumentException.class, () -> RangeSum.closedForm(-RangeSum.MAX_ABS - 1, 0));
    }
}
