package org.biospark.geneset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Over-representation analysis: is a gene list (say, the differentially expressed genes) richer in a set's genes
 * than a random list of the same size drawn from the universe? With the universe of N genes, K of them in the set,
 * n in the list and k in both, p = P(X >= k) for X hypergeometric(N, K, n), as R's
 * {@code phyper(k - 1, K, N - K, n, lower.tail = FALSE)}; Benjamini-Hochberg over the sets tested.
 * <p>
 * Everything is counted inside the universe: list genes outside it are left out (and counted in
 * {@link Outcome#listOutsideUniverse()}), a set's size is its genes in the universe, and the size filter applies to
 * that size.
 */
public final class OverRepresentation {
    /**
     * @param minSize smallest set size (genes in the universe) tested
     * @param maxSize largest set size tested
     */
    public record Options(int minSize, int maxSize) implements java.io.Serializable {
        public Options {
            if (minSize < 1 || maxSize < minSize) {
                throw new IllegalArgumentException("need 1 <= minSize <= maxSize");
            }
        }
    }

    /**
     * @param results             one per set tested, in the sets' order
     * @param listSize            n: distinct list genes in the universe
     * @param universeSize        N
     * @param listOutsideUniverse distinct list genes not in the universe, left out
     */
    public record Outcome<K>(List<OraResult<K>> results, int listSize, int universeSize, int listOutsideUniverse) {
    }

    private OverRepresentation() {
    }

    public static <K> Outcome<K> run(Collection<String> list, Collection<String> universe, Map<K, List<String>> sets,
                              Options o) {
        Set<String> universeSet = new HashSet<>(universe);
        Set<String> listSet = new LinkedHashSet<>();
        int outside = 0;
        for (String gene : new LinkedHashSet<>(list)) {
            if (universeSet.contains(gene)) {
                listSet.add(gene);
            } else {
                outside++;
            }
        }
        int bigN = universeSet.size();
        int n = listSet.size();
        List<K> names = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<List<String>> overlaps = new ArrayList<>();
        sets.forEach((name, members) -> {
            int size = 0;
            List<String> overlap = new ArrayList<>();
            for (String gene : new LinkedHashSet<>(members)) {
                if (universeSet.contains(gene)) {
                    size++;
                    if (listSet.contains(gene)) {
                        overlap.add(gene);
                    }
                }
            }
            if (size >= o.minSize() && size <= o.maxSize()) {
                names.add(name);
                counts.add(new int[] {size, overlap.size()});
                overlaps.add(List.copyOf(overlap));
            }
        });
        double[] p = new double[names.size()];
        for (int s = 0; s < p.length; s++) {
            p[s] = upperTail(bigN, counts.get(s)[0], n, counts.get(s)[1]);
        }
        double[] padj = MultipleTesting.benjaminiHochberg(p);
        List<OraResult<K>> results = new ArrayList<>(p.length);
        for (int s = 0; s < p.length; s++) {
            int size = counts.get(s)[0];
            int overlap = counts.get(s)[1];
            double expected = (double) n * size / bigN;
            results.add(new OraResult<>(names.get(s), size, overlap, expected, overlap / expected, p[s], padj[s],
                    overlaps.get(s)));
        }
        return new Outcome<>(List.copyOf(results), n, bigN, outside);
    }

    /**
     * P(X >= k) for X hypergeometric: {@code universe} genes, {@code inSet} of them in the set, {@code drawn} in
     * the list.
     */
    public static double upperTail(int universe, int inSet, int drawn, int k) {
        if (k <= 0) {
            return 1.0;
        }
        return HypergeometricDistribution.of(universe, inSet, drawn).survivalProbability(k - 1);
    }
}
