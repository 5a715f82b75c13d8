package org.biospark.sumrange;

import java.util.ArrayList;
import java.util.List;

/** Cuts [from, to) into contiguous slices whose sizes differ by at most one. */
public final class RangeSplitter {
    private RangeSplitter() {
    }

    /**
     * Splits [from, to) into {@code parts} slices, or fewer when the range holds fewer integers (an empty range gives
     * one empty slice). The slices are in order, cover the range exactly and overlap nowhere.
     */
    public static List<RangeSlice> split(long from, long to, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        RangeSum.checkBounds(from, to);
        long count = Math.max(0, to - from);
        int slices = (int) Math.max(1, Math.min(parts, count));
        long base = count / slices;
        long remainder = count % slices;
        List<RangeSlice> result = new ArrayList<>(slices);
        long start = from;
        for (int i = 0; i < slices; i++) {
            long size = base + (i < remainder ? 1 : 0);
            long end = count == 0 ? from : start + size;
            result.add(new RangeSlice(i, start, end));
            start = end;
        }
        return result;
    }
}
