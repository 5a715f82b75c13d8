package org.biospark.geneset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Preranked GSEA with a gene-set permutation null, as fgseaSimple computes it: ES and leading edge per set, the
 * null of random sets of the same size, NES, nominal p with +1 counts on the ES's side, BH over the list's sets.
 * Sets outside [minSize, maxSize] (genes present in the list) are left out.
 */
public final class PrerankedGsea {
    /**
     * @param weight       the exponent p of the weights |statistic|^p (1 as in GSEA; 0 the classic statistic)
     * @param permutations random sets per size
     * @param minSize      smallest set size kept (genes in the list)
     * @param maxSize      largest set size kept
     * @param seed         the random seed
     */
    public record Options(double weight, int permutations, int minSize, int maxSize, long seed) {
        public Options {
            if (permutations < 1 || minSize < 1 || maxSize < minSize) {
                throw new IllegalArgumentException("need permutations >= 1 and 1 <= minSize <= maxSize");
            }
        }
    }

    private PrerankedGsea() {
    }

    public static List<GseaResult> run(RankedList list, Map<String, List<String>> sets, Options o) {
        double[] weights = list.weights(o.weight());
        Map<String, int[]> kept = new LinkedHashMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        sets.forEach((name, genes) -> {
            int[] positions = list.positions(genes);
            if (positions.length >= o.minSize() && positions.length <= o.maxSize() && positions.length < list.size()) {
                kept.put(name, positions);
                sizes.add(positions.length);
            }
        });
        if (kept.isEmpty()) {
            return List.of();
        }
        int[] sizeList = sizes.stream().mapToInt(Integer::intValue).toArray();
        double[][] nulls = PermutationNulls.compute(weights, sizeList, o.seed(), 0, o.permutations());
        List<String> names = new ArrayList<>(kept.keySet());
        Enrichment[] enrichments = new Enrichment[names.size()];
        double[] es = new double[names.size()];
        int[] groupOf = new int[names.size()];
        for (int s = 0; s < names.size(); s++) {
            int[] positions = kept.get(names.get(s));
            enrichments[s] = EnrichmentScore.of(list, positions, weights);
            es[s] = enrichments[s].es();
            groupOf[s] = java.util.Arrays.binarySearch(sizeList, positions.length);
        }
        SetSignificance[] significance = Significance.compute(es, groupOf, nulls, true);
        List<GseaResult> results = new ArrayList<>(names.size());
        for (int s = 0; s < names.size(); s++) {
            results.add(GseaResult.of(names.get(s), enrichments[s], significance[s]));
        }
        return results;
    }
}
