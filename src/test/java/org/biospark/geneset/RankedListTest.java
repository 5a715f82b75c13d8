package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class RankedListTest {
    /** Random statistics with many ties (0.0 and -0.0 among them), genes in no particular id order. */
    private static double[] statistics(SplittableRandom random, int n, int kind) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = switch (kind) {
                case 0 -> random.nextInt(4) - 1.5; // four values only: long runs of ties
                case 1 -> random.nextInt(3) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextGaussian();
                case 2 -> Math.round(random.nextGaussian() * 100) / 100.0; // two decimals, as RNK files often have
                default -> random.nextGaussian();
            };
        }
        return scores;
    }

    @Test
    void ranksAsTheComparisonDefinesIt() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 120; trial++) {
            int n = 1 + random.nextInt(2500);
            String[] genes = new String[n];
            for (int i = 0; i < n; i++) {
                genes[i] = "g" + Long.toString(random.nextLong() >>> 1, 36) + "_" + i; // distinct, random id order
            }
            double[] scores = statistics(random, n, trial % 4);
            Integer[] expected = new Integer[n];
            RankedList.sortByRank(expected, genes, scores);
            RankedList list = RankedList.of(genes.clone(), scores.clone());
            for (int r = 0; r < n; r++) {
                assertEquals(genes[expected[r]], list.gene(r), "trial " + trial + " rank " + r);
                assertEquals(Double.doubleToRawLongBits(scores[expected[r]]),
                        Double.doubleToRawLongBits(list.score(r)));
                assertEquals(r, list.rankOf(genes[expected[r]]));
            }
            assertEquals(-1, list.rankOf("not a gene"));
        }
    }

    @Test
    void positionsAreTheSortedDistinctRanksOfTheGenesFound() {
        SplittableRandom random = new SplittableRandom(12);
        String[] genes = new String[500];
        double[] scores = new double[500];
        for (int i = 0; i < genes.length; i++) {
            genes[i] = "G" + i;
            scores[i] = random.nextGaussian();
        }
        RankedList list = RankedList.of(genes, scores);
        for (int trial = 0; trial < 200; trial++) {
            List<String> set = new ArrayList<>();
            TreeSet<Integer> expected = new TreeSet<>();
            for (int k = random.nextInt(60); k > 0; k--) {
                int g = random.nextInt(700); // some genes are not in the list
                set.add("G" + g);
                if (random.nextInt(5) == 0) {
                    set.add("G" + g); // listed twice
                }
                if (g < 500) {
                    expected.add(list.rankOf("G" + g));
                }
            }
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), list.positions(set));
        }
    }

    @Test
    void aGeneGivenTwiceOrAStatisticNotFiniteIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RankedList.of(new String[] {"a", "b", "a"}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> RankedList.of(new String[] {"a", "b"}, new double[] {1, Double.NaN}));
    }

    /** Benjamini-Hochberg by its definition: p-values ordered by comparison, the running minimum from the top. */
    private static double[] bhByComparison(double[] p) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double[] adjusted = new double[n];
        double running = 1.0;
        for (int k = 0; k < n; k++) {
            running = Math.min(running, p[order[k]] * n / (n - k));
            adjusted[order[k]] = Math.min(1.0, running);
        }
        return adjusted;
    }

    @Test
    void benjaminiHochbergEqualsItsDefinitionWithTies() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 300; trial++) {
            double[] p = new double[random.nextInt(0, 400)];
            for (int i = 0; i < p.length; i++) {
                p[i] = trial % 3 == 0 ? random.nextInt(20) / 20.0 : random.nextDouble() * random.nextDouble();
            }
            if (trial % 50 == 7 && p.length > 0) {
                p[random.nextInt(p.length)] = Double.NaN;
            }
            double[] expected = bhByComparison(p);
            double[] actual = MultipleTesting.benjaminiHochberg(p);
            for (int i = 0; i < p.length; i++) {
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                        "trial " + trial + " p[" + i + "] = " + p[i]);
            }
        }
    }
}
