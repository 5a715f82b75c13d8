package org.biospark.geneset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Phenotype-permutation GSEA: genes ranked by a metric of class A against class B, ES per set, and a null from
 * permuting the sample labels (which keeps the correlation between genes, unlike gene-set permutation). Every measure of
 * {@link Significance}, with each set's own null.
 * Permutation i shuffles the labels with its own generator, seeded from (seed, i); when the labels have no more
 * distinct splits than the permutations asked for, every split is used once instead.
 */
public final class PhenotypeGsea {
    /**
     * @param metric       how genes are ranked
     * @param weight       the exponent p of |statistic|^p
     * @param permutations label permutations
     * @param minSize      smallest set size kept
     * @param maxSize      largest set size kept
     * @param seed         the random seed
     */
    public record Options(RankingMetric metric, double weight, int permutations, int minSize, int maxSize, long seed) implements java.io.Serializable {
    }


    /** GSEA's advice: with fewer samples than this in a class, label permutations give a coarse, unreliable null. */
    public static final int FEWEST_SAMPLES_PER_CLASS = 7;

    private PhenotypeGsea() {
    }

    /**
     * What a user should know before trusting a label-permutation null for these labels: a class with fewer than
     * {@value #FEWEST_SAMPLES_PER_CLASS} samples (GSEA recommends gene-set permutation then).
     */
    public static List<String> warnings(List<String> labels, String classA) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        List<String> warnings = new ArrayList<>();
        counts.forEach((label, count) -> {
            if (count < FEWEST_SAMPLES_PER_CLASS) {
                warnings.add("class " + label + " has " + count + " samples, fewer than "
                        + FEWEST_SAMPLES_PER_CLASS + ": label permutations give a coarse null (GSEA advises"
                        + " gene-set permutation, --method preranked, for so few samples)");
            }
        });
        return warnings;
    }

    public static <K> List<GseaResult<K>> run(List<String> genes, double[][] values, List<String> labels,
                                              String classA, Map<K, List<String>> sets, Options o) {
        Prepared<K> p = prepare(genes, values, labels, classA, sets, o);
        return finish(p, nulls(p, o, 0, p.permutations()), o);
    }

    /**
     * What the label permutations of one matrix need, ready to be shipped to the tasks that compute them.
     *
     * @param observed     the genes ranked under the real labels
     * @param names        the kept sets
     * @param enrichments  their observed ES and leading edges
     * @param members      their genes, as positions in id order (the order of {@code bySample}'s columns)
     * @param bySample     the matrix, sample-major, with the genes in id order
     * @param labels       the samples' classes
     * @param classA       the class ranked first
     * @param permutations how many permutations there are: every distinct split, or the number asked for
     */
    public record Prepared<K>(RankedList observed, List<K> names, List<Enrichment> enrichments, int[][] members,
                           double[][] bySample, List<String> labels, String classA, int permutations)
            implements java.io.Serializable {
    }

    /** Step 1: the observed ranking and ES, the sets kept by the size filter, the matrix rearranged. */
    public static <K> Prepared<K> prepare(List<String> genes, double[][] values, List<String> labels, String classA,
                                          Map<K, List<String>> sets, Options o) {
        RankedList observed = PhenotypeRanking.rank(genes, values, labels, classA, o.metric());
        double[] weights = observed.weights(o.weight());
        int n = genes.size();
        // genes in id order, so that the stable radix sort of the statistics breaks ties by gene id exactly as
        // RankedList does; the matrix, the statistics and the sets' members all index genes in that order
        Integer[] byIdBoxed = new Integer[n];
        for (int g = 0; g < n; g++) {
            byIdBoxed[g] = g;
        }
        java.util.Arrays.sort(byIdBoxed, java.util.Comparator.comparing(genes::get));
        int[] byId = java.util.Arrays.stream(byIdBoxed).mapToInt(Integer::intValue).toArray();
        Map<String, Integer> idPosition = new java.util.HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            idPosition.put(genes.get(byId[i]), i);
        }
        List<K> names = new ArrayList<>();
        List<Enrichment> enrichments = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        sets.forEach((name, genesOfSet) -> {
            int[] positions = observed.positions(genesOfSet);
            if (positions.length >= o.minSize() && positions.length <= o.maxSize() && positions.length < n) {
                names.add(name);
                enrichments.add(EnrichmentScore.of(observed, positions, weights));
                members.add(genesOfSet.stream().filter(idPosition::containsKey).mapToInt(idPosition::get).distinct()
                        .toArray());
            }
        });
        double[][] bySample = new double[labels.size()][n];
        for (int i = 0; i < n; i++) {
            double[] row = values[byId[i]];
            for (int sample = 0; sample < row.length; sample++) {
                bySample[sample][i] = row[sample];
            }
        }
        List<boolean[]> splits = allSplits(labels, classA, o.permutations());
        int permutations = splits != null ? splits.size() : o.permutations();
        return new Prepared<>(observed, List.copyOf(names), List.copyOf(enrichments), members.toArray(new int[0][]),
                bySample, List.copyOf(labels), classA, permutations);
    }

    /** Step 3: every significance measure, from the nulls of all permutations ({@code [set][permutation]}). */
    public static <K> List<GseaResult<K>> finish(Prepared<K> p, double[][] nulls, Options o) {
        List<K> names = p.names();
        double[] es = new double[names.size()];
        int[] groupOf = new int[names.size()];
        for (int s = 0; s < names.size(); s++) {
            es[s] = p.enrichments().get(s).es();
            groupOf[s] = s;
        }
        SetSignificance[] significance = Significance.compute(es, groupOf, nulls, false);
        List<GseaResult<K>> results = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            results.add(GseaResult.of(names.get(s), p.enrichments().get(s), significance[s],
                    PrerankedGsea.permutationLog2err(significance[s].moreExtreme(), p.permutations())));
        }
        return results;
    }

    /**
     * Step 2, in any number of pieces: the ES of every kept set under label permutations {@code from} to {@code to}
     * (exclusive), {@code [set][permutation - from]}. Works on gene indices, never on names: the statistics of all
     * genes at once ({@link RankingMetric#scoreAll}), their order by a stable radix sort ({@link ScoreOrder}, the
     * same order as {@link RankedList#sortByRank}), then every set's ES from one walk down the ranks
     * ({@link SetIncidence}).
     */
    public static double[][] nulls(Prepared<?> p, Options o, int from, int to) {
        int n = p.bySample()[0].length;
        int sets = p.names().size();
        List<String> labels = p.labels();
        List<boolean[]> splits = allSplits(labels, p.classA(), o.permutations());
        double[][] nulls = new double[sets][to - from];
        double[] statistics = new double[n];
        double[] weights = new double[n];
        int[] order = new int[n];
        double[] es = new double[sets];
        ScoreOrder scoreOrder = new ScoreOrder();
        // the statistics, their order and the sets' members all index genes in id order: the order is the walk's
        SetIncidence incidence = new SetIncidence(n, p.members());
        boolean[] inA = new boolean[labels.size()];
        double[][] scratch = new double[4][n];
        for (int perm = from; perm < to; perm++) {
            if (splits != null) {
                System.arraycopy(splits.get(perm), 0, inA, 0, inA.length);
            } else {
                List<String> shuffled = shuffle(labels, PermutationNulls.generator(o.seed(), perm));
                for (int sample = 0; sample < inA.length; sample++) {
                    inA[sample] = shuffled.get(sample).equals(p.classA());
                }
            }
            int[][] classes = RankingMetric.classIndices(inA);
            o.metric().scoreAll(p.bySample(), classes[0], classes[1], statistics, scratch);
            scoreOrder.descending(statistics, order);
            for (int r = 0; r < n; r++) {
                double w = Math.abs(statistics[order[r]]);
                weights[r] = o.weight() == 1.0 ? w : Math.pow(w, o.weight());
            }
            incidence.enrichmentScores(order, weights, es);
            for (int s = 0; s < sets; s++) {
                nulls[s][perm - from] = es[s];
            }
        }
        return nulls;
    }

    /**
     * Every distinct way to choose the class-A samples, when there are no more of them than {@code permutations}
     * (then each split is used exactly once: an exact test, independent of the seed); otherwise null.
     */
    static List<boolean[]> allSplits(List<String> labels, String classA, int permutations) {
        int n = labels.size();
        int k = (int) labels.stream().filter(classA::equals).count();
        long count = 1;
        for (int i = 1; i <= k; i++) {
            count = count * (n - k + i) / i;
            if (count > permutations) {
                return null;
            }
        }
        List<boolean[]> splits = new ArrayList<>((int) count);
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = i;
        }
        while (true) {
            boolean[] inA = new boolean[n];
            for (int c : chosen) {
                inA[c] = true;
            }
            splits.add(inA);
            int i = k - 1;
            while (i >= 0 && chosen[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return splits;
            }
            chosen[i]++;
            for (int j = i + 1; j < k; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    private static List<String> shuffle(List<String> labels, SplittableRandom random) {
        List<String> shuffled = new ArrayList<>(labels);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        return shuffled;
    }
}
