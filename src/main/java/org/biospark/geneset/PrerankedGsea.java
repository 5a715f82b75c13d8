package org.biospark.geneset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Preranked GSEA with a gene-set permutation null, as fgseaSimple computes it: ES and leading edge per set, the
 * null of random sets of the same size, and every measure of {@link Significance} over the list's sets. With
 * multilevel splitting on, as fgsea's default {@code fgsea()} does, the p-value of a set whose permutation estimate
 * is coarser than a multilevel one (few or no nulls beyond its ES) comes from {@link MultilevelSplitting} instead,
 * conditioned on the ES's sign like the permutation p-value, and BH is taken over the final p-values.
 * Sets outside [minSize, maxSize] (genes present in the list) are left out.
 */
public final class PrerankedGsea {
    /**
     * @param weight       the exponent p of the weights |statistic|^p (1 as in GSEA; 0 the classic statistic)
     * @param permutations random sets per size
     * @param minSize      smallest set size kept (genes in the list)
     * @param maxSize      largest set size kept
     * @param seed         the random seed
     * @param multilevel   multilevel splitting for small p-values, or null for permutation p-values only
     */
    public record Options(double weight, int permutations, int minSize, int maxSize, long seed,
                          Multilevel multilevel) implements java.io.Serializable {
        public Options {
            if (permutations < 1 || minSize < 1 || maxSize < minSize) {
                throw new IllegalArgumentException("need permutations >= 1 and 1 <= minSize <= maxSize");
            }
        }

        /** Permutation p-values only. */
        public Options(double weight, int permutations, int minSize, int maxSize, long seed) {
            this(weight, permutations, minSize, maxSize, seed, null);
        }
    }

    /**
     * @param sampleSize the population of each level (odd; fgsea's default 101)
     * @param eps        the smallest p-value estimated (fgsea's default 1e-50)
     */
    public record Multilevel(int sampleSize, double eps) implements java.io.Serializable {
        public static final Multilevel DEFAULT = new Multilevel(101, 1e-50);
    }

    private PrerankedGsea() {
    }

    public static <K> List<GseaResult<K>> run(RankedList list, Map<K, List<String>> sets, Options o) {
        Prepared<K> prepared = prepare(list, sets, o);
        if (prepared.names().isEmpty()) {
            return List.of();
        }
        return finish(prepared, nulls(prepared, o, 0, o.permutations()), o);
    }

    /**
     * What the permutations of one list need, ready to be shipped to the tasks that compute them: the list, the kept
     * sets with their ranks, the distinct sizes (ascending) and the weights.
     */
    public record Prepared<K>(RankedList list, List<K> names, List<int[]> positions, int[] sizes,
                           double[] weights) implements java.io.Serializable {
    }

    /** Step 1: the sets kept by the size filter (sets not in the list at all, or all of it, are dropped too). */
    public static <K> Prepared<K> prepare(RankedList list, Map<K, List<String>> sets, Options o) {
        double[] weights = list.weights(o.weight());
        List<K> names = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        sets.forEach((name, genes) -> {
            int[] p = list.positions(genes);
            if (p.length >= o.minSize() && p.length <= o.maxSize() && p.length < list.size()) {
                names.add(name);
                positions.add(p);
                sizes.add(p.length);
            }
        });
        return new Prepared<>(list, List.copyOf(names), List.copyOf(positions),
                sizes.stream().mapToInt(Integer::intValue).toArray(), weights);
    }

    /**
     * Step 2, in any number of pieces: the null ES {@code [size index][permutation - from]} of permutations
     * {@code from} to {@code to} (exclusive). Pieces put side by side equal one call over all permutations.
     */
    public static double[][] nulls(Prepared<?> p, Options o, int from, int to) {
        if (p.sizes().length == 0) {
            return new double[0][to - from];
        }
        return PermutationNulls.compute(p.weights(), p.sizes(), o.seed(), from, to);
    }

    /** Step 3: ES, leading edges and every significance measure, from the nulls of all permutations. */
    public static <K> List<GseaResult<K>> finish(Prepared<K> p, double[][] nulls, Options o) {
        Permuted<K> permuted = finishPermutations(p, nulls, o);
        List<MultilevelOutcome> outcomes = new ArrayList<>();
        for (MultilevelTask task : permuted.multilevel()) {
            outcomes.add(estimate(p, task, o));
        }
        return withEstimates(permuted.results(), outcomes);
    }

    /**
     * The results with permutation p-values, and (with multilevel splitting on) the estimates still to make: one per
     * (set size, side) that has sets whose permutation p is coarser than a multilevel estimate of it would be.
     */
    public record Permuted<K>(List<GseaResult<K>> results, List<MultilevelTask> multilevel)
            implements java.io.Serializable {
    }

    /**
     * One multilevel estimate to make, independent of the others (the stream is the (seed, size, side)'s).
     *
     * @param size            the set size
     * @param side            0 for positive ES, 1 for negative
     * @param sets            the indices (in the results) of the sets it is for
     * @param targets         their |ES|
     * @param signProbability P(ES on this side) from the permutations, (1 + count) / (1 + permutations)
     */
    public record MultilevelTask(int size, int side, int[] sets, double[] targets, double signProbability)
            implements java.io.Serializable {
    }

    /** Its p-values (conditioned on the side, as the permutation ones) and their log2err. */
    public record MultilevelOutcome(int[] sets, double[] pval, double[] log2err) implements java.io.Serializable {
    }

    /** Step 3a: everything from the permutations; the multilevel estimates still to make. */
    public static <K> Permuted<K> finishPermutations(Prepared<K> p, double[][] nulls, Options o) {
        List<K> names = p.names();
        Enrichment[] enrichments = new Enrichment[names.size()];
        double[] es = new double[names.size()];
        int[] groupOf = new int[names.size()];
        for (int s = 0; s < names.size(); s++) {
            int[] positions = p.positions().get(s);
            enrichments[s] = EnrichmentScore.of(p.list(), positions, p.weights());
            es[s] = enrichments[s].es();
            groupOf[s] = Arrays.binarySearch(p.sizes(), positions.length);
        }
        SetSignificance[] significance = Significance.compute(es, groupOf, nulls, true);
        List<GseaResult<K>> results = new ArrayList<>(names.size());
        for (int s = 0; s < names.size(); s++) {
            results.add(GseaResult.of(names.get(s), enrichments[s], significance[s],
                    permutationLog2err(significance[s].moreExtreme(), o.permutations())));
        }
        List<MultilevelTask> tasks = new ArrayList<>();
        if (o.multilevel() != null) {
            int sampleSize = o.multilevel().sampleSize();
            for (int side = 0; side < 2; side++) {
                for (int g = 0; g < p.sizes().length; g++) {
                    List<Integer> chosen = new ArrayList<>();
                    for (int s = 0; s < es.length; s++) {
                        boolean onSide = side == 0 ? es[s] > 0 : es[s] < 0;
                        if (groupOf[s] == g && onSide
                                && multilevelLog2err(significance[s].pval(), sampleSize) < results.get(s).log2err()) {
                            chosen.add(s);
                        }
                    }
                    if (chosen.isEmpty()) {
                        continue;
                    }
                    long sameSign = 0;
                    for (double x : nulls[g]) {
                        sameSign += side == 0 ? (x >= 0 ? 1 : 0) : (x <= 0 ? 1 : 0);
                    }
                    tasks.add(new MultilevelTask(p.sizes()[g], side, chosen.stream().mapToInt(Integer::intValue)
                            .toArray(), chosen.stream().mapToDouble(s -> Math.abs(es[s])).toArray(),
                            (sameSign + 1.0) / (o.permutations() + 1.0)));
                }
            }
        }
        return new Permuted<>(List.copyOf(results), List.copyOf(tasks));
    }

    /** Step 3b, for each task, anywhere: the multilevel estimate. */
    public static MultilevelOutcome estimate(Prepared<?> p, MultilevelTask t, Options o) {
        double[] weights = p.weights();
        if (t.side() == 1) { // negative scores: the positive side of the list read backwards
            int n = weights.length;
            double[] reversed = new double[n];
            for (int r = 0; r < n; r++) {
                reversed[r] = weights[n - 1 - r];
            }
            weights = reversed;
        }
        MultilevelSplitting.Estimate[] estimates = new MultilevelSplitting(weights, o.multilevel().sampleSize(),
                o.multilevel().eps()).estimate(t.size(), t.targets(),
                PermutationNulls.generator(o.seed(), -2L * t.size() - t.side() - 1));
        double[] pval = new double[estimates.length];
        double[] log2err = new double[estimates.length];
        for (int i = 0; i < estimates.length; i++) {
            pval[i] = Math.min(1.0, estimates[i].probability() / t.signProbability());
            log2err[i] = estimates[i].log2err();
        }
        return new MultilevelOutcome(t.sets(), pval, log2err);
    }

    /** Step 3c: the multilevel p-values in place of the permutation ones, and BH over the final p-values. */
    public static <K> List<GseaResult<K>> withEstimates(List<GseaResult<K>> results, List<MultilevelOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return results;
        }
        double[] p = results.stream().mapToDouble(GseaResult::pval).toArray();
        double[] log2err = results.stream().mapToDouble(GseaResult::log2err).toArray();
        for (MultilevelOutcome outcome : outcomes) {
            for (int i = 0; i < outcome.sets().length; i++) {
                p[outcome.sets()[i]] = outcome.pval()[i];
                log2err[outcome.sets()[i]] = outcome.log2err()[i];
            }
        }
        double[] padj = MultipleTesting.benjaminiHochberg(p);
        List<GseaResult<K>> out = new ArrayList<>(results.size());
        for (int s = 0; s < results.size(); s++) {
            GseaResult<K> r = results.get(s);
            out.add(new GseaResult<>(r.name(), r.enrichment(), r.nes(), p[s], padj[s], r.fdrQ(), r.fwer(),
                    r.moreExtreme(), log2err[s]));
        }
        return out;
    }

    /**
     * The standard deviation of log2 of a permutation p-value with {@code moreExtreme} of {@code permutations}
     * nulls beyond the ES (the log of a beta variable, as fgsea states it).
     */
    static double permutationLog2err(long moreExtreme, int permutations) {
        return Math.sqrt(Trigamma.of(moreExtreme + 1.0) - Trigamma.of(permutations + 1.0)) / Math.log(2);
    }

    /** The stated log2 error of a multilevel estimate of p: one level per halving of p. */
    static double multilevelLog2err(double p, int sampleSize) {
        double levels = Math.floor(-Math.log(p) / Math.log(2) + 1);
        return Math.sqrt(levels * (Trigamma.of((sampleSize + 1) / 2.0) - Trigamma.of(sampleSize + 1.0)))
                / Math.log(2);
    }
}
