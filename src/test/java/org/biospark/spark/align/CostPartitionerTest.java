package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.biospark.spark.run.Progress;
import org.junit.jupiter.api.Test;

class CostPartitionerTest {
    private static double[] costs(Map<Integer, Long> histogram, int partitions) {
        CostPartitioner partitioner = new CostPartitioner(histogram, partitions);
        double[] cost = new double[partitions];
        int id = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            for (long k = 0; k < e.getValue(); k++) {
                cost[partitioner.getPartition(CostPartitioner.key(e.getKey(), "read" + id++))] += e.getKey();
            }
        }
        return cost;
    }

    @Test
    void skewedLengthsStillBalanceByCost() {
        Map<Integer, Long> histogram = new HashMap<>();
        histogram.put(150, 20_000L);
        histogram.put(10_000, 40L); // a few long queries: 400,000 of 3,400,000 residues
        double[] cost = costs(histogram, 16);
        double[] sorted = cost.clone();
        Arrays.sort(sorted);
        double median = (sorted[7] + sorted[8]) / 2;
        assertTrue(sorted[15] <= 1.5 * median, "slowest " + sorted[15] + " vs median " + median + ": "
                + Arrays.toString(cost));
        assertEquals(20_000 * 150 + 40 * 10_000, Arrays.stream(cost).sum(), 1e-6);
    }

    @Test
    void thePlacementDependsOnlyOnTheQuery() {
        Map<Integer, Long> histogram = Map.of(64, 1000L, 70, 10L);
        CostPartitioner a = new CostPartitioner(histogram, 8);
        CostPartitioner b = new CostPartitioner(new HashMap<>(histogram), 8);
        for (int i = 0; i < 1000; i++) {
            String key = CostPartitioner.key(64, "q" + i);
            assertEquals(a.getPartition(key), b.getPartition(key));
            assertTrue(a.getPartition(key) >= 0 && a.getPartition(key) < 8);
        }
    }

    @Test
    void progressLinesSayWhatIsLeft() {
        assertEquals("align: 250 of 1,000 pairs (25.0%), 50 pairs/s, about 15 s left",
                Progress.line("align", "pairs", 250, 1000, 5.0));
        assertEquals("align: 0 of 10 pairs (0.0%), 0 pairs/s, about unknown left",
                Progress.line("align", "pairs", 0, 10, 1.0));
        assertEquals("align: 1 of 1,000,000 pairs (0.0%), 1 pairs/s, about 277.8 h left",
                Progress.line("align", "pairs", 1, 1_000_000, 1.0));
        assertEquals("align: 10 of 100 pairs (10.0%), 1 pairs/s, about 2 min left",
                Progress.line("align", "pairs", 10, 100, 10.0));
    }
}
