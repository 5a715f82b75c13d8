package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnrichmentScoreTest {
    private static RankedList list(double... scores) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            m.put("g" + i, scores[i]);
        }
        return RankedList.of(m);
    }

    @Test
    void aSetAtTheTopScoresOne() {
        RankedList l = list(5, 4, 3, 2, 1, 0.5);
        Enrichment e = EnrichmentScore.of(l, l.positions(List.of("g0", "g1")), l.weights(1));
        assertEquals(1.0, e.es(), 1e-15);
        assertEquals(List.of("g0", "g1"), e.leadingEdge());
        assertEquals(1, e.rankAtMax());
    }

    @Test
    void aSetAtTheBottomScoresMinusOneWithItsEdgeFromTheBottom() {
        RankedList l = list(5, 4, 3, 2, -1, -2);
        Enrichment e = EnrichmentScore.of(l, l.positions(List.of("g4", "g5", "missing")), l.weights(1));
        assertEquals(-1.0, e.es(), 1e-15);
        assertEquals(List.of("g5", "g4"), e.leadingEdge());
        assertEquals(2, e.size());
    }

    @Test
    void tiesAreBrokenByGeneIdAndUnweightedIsTheClassicStatistic() {
        RankedList l = list(1, 1, 1, 1);
        assertEquals(List.of("g0", "g1", "g2", "g3"), List.of(l.gene(0), l.gene(1), l.gene(2), l.gene(3)));
        // p = 0: steps of 1/m up and 1/(N-m) down; set {g0, g2}: +1/2, -1/2, +1/2 -> max 1/2, min 0
        assertEquals(0.5, EnrichmentScore.es(l.weights(0), new int[] {0, 2}, 4), 1e-15);
    }

    @Test
    void refusesWhatIsUndefined() {
        RankedList l = list(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> EnrichmentScore.es(l.weights(1), new int[] {0, 1, 2}, 3));
        assertThrows(IllegalArgumentException.class, () -> EnrichmentScore.es(l.weights(1), new int[0], 3));
        assertThrows(IllegalArgumentException.class, () -> RankedList.of(Map.of("a", Double.NaN)));
    }

    @Test
    void theNullLoopFindsTheSameValueAsTheFullScoreToTheBit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 2 + random.nextInt(300);
            Map<String, Double> scores = new LinkedHashMap<>();
            for (int g = 0; g < n; g++) { // coarse values: ties, zeros, and sets of zero weight
                scores.put("g" + g, trial % 5 == 0 ? 0.0 : Math.round(random.nextGaussian() * 4) / 2.0);
            }
            RankedList l = RankedList.of(scores);
            int m = 1 + random.nextInt(n - 1); // odd and even sizes, 1 to n - 1
            List<String> genes = random.ints(0, n).distinct().limit(m).mapToObj(g -> "g" + g).toList();
            double[] weights = l.weights(trial % 3);
            int[] positions = l.positions(genes);
            double full = EnrichmentScore.of(l, positions, weights).es();
            double fast = EnrichmentScore.es(weights, positions, n);
            assertEquals(Double.doubleToRawLongBits(full), Double.doubleToRawLongBits(fast),
                    "trial " + trial + ": " + full + " vs " + fast);
        }
    }
}
