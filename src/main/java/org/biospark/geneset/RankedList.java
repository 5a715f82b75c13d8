package org.biospark.geneset;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Genes ranked by a statistic, highest first, as GSEA and fgsea rank them. Ties are broken by gene id (ascending),
 * so the same list always has the same order. Every statistic must be finite; a gene may appear once.
 */
public final class RankedList implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] genes;
    private final double[] scores;
    /** Gene to rank, built on first use (not serialized: a list shipped to executors travels as two arrays). */
    private transient Map<String, Integer> ranks;

    private RankedList(String[] genes, double[] scores, Map<String, Integer> ranks) {
        this.genes = genes;
        this.scores = scores;
        this.ranks = ranks;
    }

    private Map<String, Integer> ranks() {
        Map<String, Integer> r = ranks;
        if (r == null) {
            r = new HashMap<>(genes.length * 2);
            for (int i = 0; i < genes.length; i++) {
                r.put(genes[i], i);
            }
            ranks = r;
        }
        return r;
    }

    /**
     * Ranks the genes of {@code statistics}.
     *
     * @throws IllegalArgumentException for a statistic that is not finite, naming the gene
     */
    public static RankedList of(Map<String, Double> statistics) {
        String[] genes = statistics.keySet().toArray(new String[0]);
        double[] scores = new double[genes.length];
        for (int i = 0; i < genes.length; i++) {
            scores[i] = statistics.get(genes[i]);
        }
        return of(genes, scores);
    }

    /**
     * Ranks {@code genes} by {@code scores}, same order; the arrays are not kept.
     *
     * @throws IllegalArgumentException for a gene given twice or a statistic that is not finite, naming the gene
     */
    public static RankedList of(String[] genes, double[] scores) {
        Map<String, Integer> seen = new HashMap<>(genes.length * 2);
        for (int i = 0; i < genes.length; i++) {
            Integer before = seen.putIfAbsent(genes[i], i);
            if (before != null) {
                throw new IllegalArgumentException("gene " + genes[i] + " appears twice (entries " + (before + 1)
                        + " and " + (i + 1) + "); collapse duplicates or remove them");
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("gene " + genes[i] + " has a statistic that is not finite: " + scores[i]);
            }
        }
        int[] order = new int[genes.length];
        new ScoreOrder().descending(scores, order);
        breakTiesById(order, genes, scores);
        String[] rankedGenes = new String[genes.length];
        double[] rankedScores = new double[genes.length];
        for (int r = 0; r < order.length; r++) {
            rankedGenes[r] = genes[order[r]];
            rankedScores[r] = scores[order[r]];
            seen.put(rankedGenes[r], r); // the map of gene to rank, in place of the one of gene to entry
        }
        return new RankedList(rankedGenes, rankedScores, seen);
    }

    /**
     * Orders each run of equal statistics in {@code order} (statistic descending, ties in entry order, as {@link
     * ScoreOrder} leaves them) by gene id, which makes it {@link #sortByRank}'s order without comparing every pair
     * of genes.
     */
    private static void breakTiesById(int[] order, String[] genes, double[] scores) {
        int from = 0;
        for (int i = 1; i <= order.length; i++) {
            if (i == order.length || Double.compare(scores[order[i]], scores[order[from]]) != 0) {
                for (int j = from + 1; j < i; j++) { // insertion sort: runs of ties are short
                    int item = order[j];
                    int k = j - 1;
                    while (k >= from && genes[order[k]].compareTo(genes[item]) > 0) {
                        order[k + 1] = order[k];
                        k--;
                    }
                    order[k + 1] = item;
                }
                from = i;
            }
        }
    }

    /**
     * Ranks the genes with duplicates collapsed: of the entries of one gene, the one with the largest |statistic|
     * stays (the first of them on a tie), as GSEA desktop's "Max_probe" collapse does for probes of one gene.
     */
    public static RankedList collapsingDuplicates(String[] genes, double[] scores) {
        Map<String, Integer> kept = new java.util.LinkedHashMap<>(genes.length * 2);
        for (int i = 0; i < genes.length; i++) {
            Integer before = kept.get(genes[i]);
            if (before == null || Math.abs(scores[i]) > Math.abs(scores[before])) {
                kept.put(genes[i], i);
            }
        }
        String[] distinct = new String[kept.size()];
        double[] distinctScores = new double[kept.size()];
        int k = 0;
        for (Map.Entry<String, Integer> e : kept.entrySet()) {
            distinct[k] = e.getKey();
            distinctScores[k++] = scores[e.getValue()];
        }
        return of(distinct, distinctScores);
    }

    /**
     * Fills {@code order} with the gene indices in rank order: statistic descending, ties by gene id. The one
     * definition of the ranking, by comparison; {@link #of} gets the same order from a radix sort, and the tests
     * hold both to it.
     */
    static void sortByRank(Integer[] order, String[] genes, double[] scores) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : genes[a].compareTo(genes[b]);
        });
    }

    public int size() {
        return genes.length;
    }

    /** The gene at a 0-based rank. */
    public String gene(int rank) {
        return genes[rank];
    }

    /** The statistic at a 0-based rank. */
    public double score(int rank) {
        return scores[rank];
    }

    /** The 0-based rank of a gene, or -1 when it is not in the list. */
    public int rankOf(String gene) {
        Integer rank = ranks().get(gene);
        return rank == null ? -1 : rank;
    }

    /** The sorted 0-based ranks of the genes of a set that are in the list (its size for GSEA's filter). */
    public int[] positions(List<String> set) {
        Map<String, Integer> r = ranks();
        int[] positions = new int[set.size()];
        int found = 0;
        for (String gene : set) {
            Integer rank = r.get(gene);
            if (rank != null) {
                positions[found++] = rank;
            }
        }
        Arrays.sort(positions, 0, found);
        int distinct = 0;
        for (int i = 0; i < found; i++) {
            if (distinct == 0 || positions[i] != positions[distinct - 1]) {
                positions[distinct++] = positions[i];
            }
        }
        return Arrays.copyOf(positions, distinct);
    }

    /** |statistic|^p for every rank: the weights of the running sum ({@code p} = 0 gives the classic KS). */
    public double[] weights(double p) {
        double[] weights = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            weights[i] = p == 1.0 ? Math.abs(scores[i]) : Math.pow(Math.abs(scores[i]), p);
        }
        return weights;
    }
}
