package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ScoreOrderTest {
    @Test
    void ordersExactlyAsRankedListRanks() {
        SplittableRandom random = new SplittableRandom(5);
        ScoreOrder order = new ScoreOrder();
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(3000);
            String[] genes = new String[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                genes[i] = String.format("G%06d", i); // already in id order, as the caller arranges
                scores[i] = trial % 4 == 3
                        // an outlier stretches the key range: the rest share few keys, in long runs of distinct values
                        ? (i == 0 ? 1e9 : i % 3 == 0 ? random.nextInt(3) : random.nextGaussian())
                        : switch (random.nextInt(6)) {
                            case 0 -> random.nextInt(5) - 2.0; // many ties, 0.0 included
                            case 1 -> -0.0;
                            case 2 -> random.nextDouble() * 1e-300;
                            case 3 -> -random.nextDouble() * 1e300;
                            default -> random.nextGaussian();
                        };
            }
            Integer[] expected = new Integer[n];
            RankedList.sortByRank(expected, genes, scores);
            int[] actual = new int[n];
            order.descending(scores, actual);
            assertArrayEquals(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), actual,
                    "trial " + trial);
        }
    }

    @Test
    void everyMetricScoresAllGenesToTheBitAsOneAtATime() {
        SplittableRandom random = new SplittableRandom(4);
        int genes = 1000;
        int samples = 9;
        double[][] values = new double[genes][samples];
        double[][] bySample = new double[samples][genes];
        for (int g = 0; g < genes; g++) {
            for (int s = 0; s < samples; s++) {
                values[g][s] = g % 7 == 0 ? 3.0 : g % 11 == 0 ? 0.0 : 2 + random.nextGaussian();
                bySample[s][g] = values[g][s];
            }
        }
        // 4 + 5 samples, 1 + 8 (a class of one: no standard deviation), 8 + 1, 6 + 3, 2 + 7: passes of four and
        // a last pass of one, two and three samples
        boolean[][] splits = {
            {true, false, true, true, false, false, true, false, false},
            {false, false, false, true, false, false, false, false, false},
            {true, true, true, true, true, false, true, true, true},
            {true, true, false, true, true, false, true, false, true},
            {false, true, false, false, false, false, false, true, false}};
        double[][] scratch = new double[4][genes];
        for (boolean[] inA : splits) {
            int[][] classes = RankingMetric.classIndices(inA);
            for (RankingMetric metric : RankingMetric.values()) {
                double[] all = new double[genes];
                metric.scoreAll(bySample, classes[0], classes[1], all, scratch);
                for (int g = 0; g < genes; g++) {
                    org.junit.jupiter.api.Assertions.assertEquals(
                            Double.doubleToLongBits(metric.score(values[g], inA)), Double.doubleToLongBits(all[g]),
                            metric + " gene " + g + " split " + java.util.Arrays.toString(inA));
                }
            }
        }
    }
}
