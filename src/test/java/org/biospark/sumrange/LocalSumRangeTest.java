package org.biospark.sumrange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalSumRangeTest {
    @Test
    void threadsReturnTheSlicesInOrderWithExactSums() {
        List<RangeSlice> slices = RangeSplitter.split(-5_000_000, 20_000_001, 7);
        List<PartialSum> results = LocalSumRange.threads(slices, 3);
        assertEquals(slices.size(), results.size());
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < slices.size(); i++) {
            assertEquals(slices.get(i), results.get(i).slice());
            assertEquals(RangeSum.closedForm(slices.get(i).from(), slices.get(i).to()), results.get(i).sum());
            total = total.add(results.get(i).sum());
        }
        assertEquals(RangeSum.closedForm(-5_000_000, 20_000_001), total);
    }

    @Test
    void serialAgreesWithThreads() {
        List<RangeSlice> slices = RangeSplitter.split(0, 1_000_000, 3);
        List<BigInteger> serial = LocalSumRange.serial(slices).stream().map(PartialSum::sum).toList();
        List<BigInteger> threads = LocalSumRange.threads(slices, 2).stream().map(PartialSum::sum).toList();
        assertEquals(serial, threads);
        assertEquals("serial", LocalSumRange.serial(slices).get(0).worker());
    }
}
