package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;

/** The full running sum agrees with fgsea's ES (golden) and with the set-only walk's peak and leading edge. */
class RunningSumTest {
    @Test
    void smallListByHand() {
        // Scores 4, 3, 2, 1 for a, b, c, d; set {a, c}, p = 1: hits weigh 4/6 and 2/6, misses 1/2 each.
        RankedList list = RankedList.of(new String[] {"a", "b", "c", "d"}, new double[] {4, 3, 2, 1});
        RunningSum sum = RunningSum.of(list, List.of("c", "a", "zz"), 1.0);
        assertArrayEquals(new int[] {0, 2}, sum.hits());
        assertArrayEquals(new double[] {4.0 / 6, 4.0 / 6 - 0.5, 4.0 / 6 - 0.5 + 2.0 / 6, 0}, sum.values(), 1e-15);
        assertEquals(0, sum.peak());
        assertEquals(4.0 / 6, sum.enrichment().es(), 1e-15);
        assertEquals(List.of("a"), sum.enrichment().leadingEdge());
        assertThrows(IllegalArgumentException.class, () -> RunningSum.of(list, List.of("x"), 1.0));
    }

    @Test
    void extremeIsFgseasEnrichmentScoreForEveryExampleSet() throws IOException {
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk").scores());
        GmtFile gmt = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt");
        Map<String, Double> fgsea = new HashMap<>();
        for (Map<String, String> row : Golden.GENESET.table("fgsea_simple_example.tsv")) {
            fgsea.put(row.get("pathway"), Double.parseDouble(row.get("ES")));
        }
        assertEquals(586, fgsea.size());
        int n = list.size();
        for (Map.Entry<String, Double> golden : fgsea.entrySet()) {
            RunningSum sum = RunningSum.of(list, gmt.sets().get(golden.getKey()), 1.0);
            double es = sum.enrichment().es();
            assertEquals(golden.getValue(), sum.values()[sum.peak()], 1e-9, golden.getKey());
            assertEquals(es, sum.values()[sum.peak()], 1e-12, golden.getKey());
            int rankAtMax = es > 0 ? sum.peak() : n - sum.peak();
            assertEquals(sum.enrichment().rankAtMax(), rankAtMax, golden.getKey());
            assertEquals(0, sum.values()[n - 1], 1e-9, "the walk ends at zero: " + golden.getKey());
        }
    }
}
