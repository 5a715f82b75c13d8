package org.biospark.sumrange;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * What one partition of a sumrange run computed, and where and how fast.
 *
 * @param slice    the range summed
 * @param sum      its exact sum
 * @param seconds  time spent in the loop
 * @param worker   who ran it: a Spark executor id, a thread name, or "serial"
 * @param host     the host name of the machine that ran it
 */
public record PartialSum(RangeSlice slice, BigInteger sum, double seconds, String worker, String host)
        implements Serializable {

    /** Integers added per second, or 0 for an empty slice. */
    public double rate() {
        return seconds > 0 ? slice.count() / seconds : 0.0;
    }

    /** Times {@link RangeSum#loop} over the slice. */
    public static PartialSum compute(RangeSlice slice, String worker, String host) {
        long start = System.nanoTime();
        BigInteger sum = RangeSum.loop(slice.from(), slice.to());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PartialSum(slice, sum, seconds, worker, host);
    }
}
