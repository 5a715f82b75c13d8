package org.biospark.sumrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RangeSplitterTest {
    private static void assertCovers(long from, long to, List<RangeSlice> slices) {
        assertEquals(from, slices.get(0).from());
        assertEquals(Math.max(from, to), slices.get(slices.size() - 1).to());
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < slices.size(); i++) {
            assertEquals(i, slices.get(i).index());
            if (i > 0) {
                assertEquals(slices.get(i - 1).to(), slices.get(i).from(), "slices must be contiguous");
            }
            min = Math.min(min, slices.get(i).count());
            max = Math.max(max, slices.get(i).count());
        }
        assertTrue(max - min <= 1, "slice sizes differ by more than one: " + min + ".." + max);
    }

    @Test
    void splitsEvenlyAndContiguously() {
        List<RangeSlice> slices = RangeSplitter.split(-7, 1_000_003, 4);
        assertEquals(4, slices.size());
        assertCovers(-7, 1_000_003, slices);
        assertEquals(1_000_010, slices.stream().mapToLong(RangeSlice::count).sum());
    }

    @Test
    void neverMakesMoreSlicesThanIntegers() {
        List<RangeSlice> slices = RangeSplitter.split(10, 13, 8);
        assertEquals(3, slices.size());
        assertCovers(10, 13, slices);
    }

    @Test
    void anEmptyRangeIsOneEmptySlice() {
        List<RangeSlice> slices = RangeSplitter.split(5, 5, 4);
        assertEquals(List.of(new RangeSlice(0, 5, 5)), slices);
        assertEquals(0, slices.get(0).count());
    }

    @Test
    void rejectsFewerThanOnePart() {
        assertThrows(IllegalArgumentException.class, () -> RangeSplitter.split(0, 10, 0));
    }
}
