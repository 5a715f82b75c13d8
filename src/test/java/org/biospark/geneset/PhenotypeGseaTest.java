package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PhenotypeGseaTest {
    private static final List<String> LABELS = List.of("A", "B", "A", "B", "A", "B");

    @Test
    void warnsOfAClassWithFewerThanSevenSamples() {
        List<String> warnings = PhenotypeGsea.warnings(LABELS, "A");
        assertEquals(2, warnings.size());
        assertEquals(true, warnings.get(0).startsWith("class A has 3 samples, fewer than 7"), warnings.get(0));
        List<String> enough = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            enough.add("A");
            enough.add("B");
        }
        assertEquals(List.of(), PhenotypeGsea.warnings(enough, "A"));
    }

    @Test
    void rankedListsRefuseDuplicateGenesOrCollapseThemByLargestAbsoluteScore() {
        String[] genes = {"g1", "g2", "g1"};
        double[] scores = {1.0, 0.5, -3.0};
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RankedList.of(genes, scores));
        assertEquals("gene g1 appears twice (entries 1 and 3); collapse duplicates or remove them", e.getMessage());
        RankedList collapsed = RankedList.collapsingDuplicates(genes, scores);
        assertEquals(2, collapsed.size());
        assertEquals("g2", collapsed.gene(0));
        assertEquals(-3.0, collapsed.score(1));
    }

    @Test
    void everyDistinctSplitOnceWhenThereAreFewEnough() {
        List<boolean[]> splits = PhenotypeGsea.allSplits(LABELS, "A", 1000);
        assertEquals(20, splits.size()); // 6 choose 3
        Set<String> distinct = new HashSet<>();
        for (boolean[] split : splits) {
            int inA = 0;
            StringBuilder key = new StringBuilder();
            for (boolean b : split) {
                inA += b ? 1 : 0;
                key.append(b ? 'A' : 'B');
            }
            assertEquals(3, inA);
            distinct.add(key.toString());
        }
        assertEquals(20, distinct.size());
        assertNull(PhenotypeGsea.allSplits(LABELS, "A", 19), "more splits than permutations: shuffle instead");
    }

    @Test
    void anExactTestDoesNotDependOnTheSeed() {
        SplittableRandom random = new SplittableRandom(5);
        List<String> genes = new ArrayList<>();
        double[][] values = new double[300][LABELS.size()];
        for (int g = 0; g < values.length; g++) {
            genes.add("G" + g);
            for (int s = 0; s < LABELS.size(); s++) {
                values[g][s] = random.nextGaussian() + (g < 30 && LABELS.get(s).equals("A") ? 2 : 0);
            }
        }
        Map<String, List<String>> sets = Map.of("up", genes.subList(0, 30), "other", genes.subList(100, 140));
        List<GseaResult<String>> one = PhenotypeGsea.run(genes, values, LABELS, "A", sets,
                new PhenotypeGsea.Options(RankingMetric.SIGNAL2NOISE, 1.0, 1000, 15, 500, 1));
        List<GseaResult<String>> two = PhenotypeGsea.run(genes, values, LABELS, "A", sets,
                new PhenotypeGsea.Options(RankingMetric.SIGNAL2NOISE, 1.0, 1000, 15, 500, 2));
        assertEquals(one, two);
        GseaResult<String> up = one.stream().filter(r -> r.name().equals("up")).findFirst().orElseThrow();
        // The observed split is the most extreme of the 20: p = (1 + 1) / (1 + nulls >= 0).
        assertEquals(1, up.moreExtreme());
    }
}
