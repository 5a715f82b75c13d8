package org.biospark.geneset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Phenotype-permutation GSEA: genes ranked by a metric of class A against class B, ES per set, and a null from
 * permuting the sample labels (which keeps the correlation between genes, unlike gene-set permutation). NES = ES
 * over the mean of the set's same-signed null ES; nominal p as in {@link PrerankedGsea}; BH over the sets.
 * Permutation i shuffles the labels with its own generator, seeded from (seed, i).
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
    public record Options(RankingMetric metric, double weight, int permutations, int minSize, int maxSize, long seed) {
    }


    private PhenotypeGsea() {
    }

    public static List<PrerankedResult> run(List<String> genes, double[][] values, List<String> labels, String classA,
                                            Map<String, List<String>> sets, Options o) {
        RankedList observed = PhenotypeRanking.rank(genes, values, labels, classA, o.metric());
        double[] weights = observed.weights(o.weight());
        Map<String, List<String>> kept = new LinkedHashMap<>();
        Map<String, Enrichment> enrichments = new LinkedHashMap<>();
        sets.forEach((name, members) -> {
            int[] positions = observed.positions(members);
            if (positions.length >= o.minSize() && positions.length <= o.maxSize() && positions.length < genes.size()) {
                kept.put(name, members);
                enrichments.put(name, EnrichmentScore.of(observed, positions, weights));
            }
        });
        List<String> names = new ArrayList<>(kept.keySet());
        double[][] nulls = new double[names.size()][o.permutations()];
        for (int perm = 0; perm < o.permutations(); perm++) {
            List<String> shuffled = shuffle(labels, PermutationNulls.generator(o.seed(), perm));
            RankedList permuted = PhenotypeRanking.rank(genes, values, shuffled, classA, o.metric());
            double[] permutedWeights = permuted.weights(o.weight());
            for (int s = 0; s < names.size(); s++) {
                nulls[s][perm] = EnrichmentScore.es(permutedWeights, permuted.positions(kept.get(names.get(s))),
                        genes.size());
            }
        }
        double[] p = new double[names.size()];
        double[] nes = new double[names.size()];
        long[] extreme = new long[names.size()];
        for (int s = 0; s < names.size(); s++) {
            NullSummary summary = NullSummary.of(enrichments.get(names.get(s)).es(), nulls[s]);
            p[s] = summary.pval();
            nes[s] = summary.nes();
            extreme[s] = summary.moreExtreme();
        }
        double[] padj = MultipleTesting.benjaminiHochberg(p);
        List<PrerankedResult> results = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            results.add(new PrerankedResult(names.get(s), enrichments.get(names.get(s)), nes[s], p[s], padj[s],
                    extreme[s]));
        }
        return results;
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
