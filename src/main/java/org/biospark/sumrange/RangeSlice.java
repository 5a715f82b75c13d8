package org.biospark.sumrange;

import java.io.Serializable;

/**
 * The half-open integer range [from, to) that one partition sums.
 *
 * @param index position of the slice among its siblings, from 0
 * @param from  first integer, inclusive
 * @param to    end, exclusive; {@code to <= from} is an empty slice
 */
public record RangeSlice(int index, long from, long to) implements Serializable {
    public RangeSlice {
        RangeSum.checkBounds(from, to);
        if (index < 0) {
            throw new IllegalArgumentException("slice index must not be negative: " + index);
        }
    }

    /** Number of integers in the slice. */
    public long count() {
        return Math.max(0, to - from);
    }
}
