package org.biospark.geneset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Small p-values for preranked GSEA by adaptive multilevel splitting (the estimator class of fgsea's
 * {@code fgseaMultilevel}, Korotkevich et al. 2021), written from the method, not from its code.
 * <p>
 * Target: for random sets of size k drawn uniformly from the N ranks, P(ES >= t) for t > 0, far below 1/permutations.
 * A population of {@code sampleSize} random sets climbs through levels: at each level the sets whose positive
 * deviation S (the running sum's maximum) is not above the population's median are discarded and replaced by
 * copies of survivors, and every set is then moved by a Markov chain that swaps one member for a non-member and
 * accepts the swap only if S stays above the level, which keeps the population distributed as random sets
 * conditioned on S > level. P(S >= t) is the product of the surviving fractions up to the level that reaches t,
 * times the share of that level's population with S >= t; P(ES >= t) multiplies in the share of those whose
 * positive deviation is also the larger one (ES = S). Each level's fraction f has relative variance about
 * (1 - f) / (f sampleSize), which gives the stated error as the standard deviation of log2 p.
 * <p>
 * Negative scores use the reversed list: the negative ES of a set is minus the positive ES of the same set on the
 * list read backwards. Every (size, side) has its own random stream from the seed, so the numbers do not depend on
 * which task computes which size.
 */
public final class MultilevelSplitting {
    /** The log2 standard deviation of an estimate, and the estimate. */
    public record Estimate(double probability, double log2err) {
    }

    private static final int ATTEMPTS_PER_MEMBER = 50;

    private final double[] weights;
    private final int sampleSize;
    private final double eps;

    /**
     * @param weights    |statistic|^p per rank, for the side being estimated (reversed for negative scores)
     * @param sampleSize the population, odd (fgsea's default is 101)
     * @param eps        the smallest probability estimated; below it the estimate stops at eps
     */
    public MultilevelSplitting(double[] weights, int sampleSize, double eps) {
        if (sampleSize < 3 || sampleSize % 2 == 0) {
            throw new IllegalArgumentException("the sample size must be odd and at least 3: " + sampleSize);
        }
        this.weights = weights;
        this.sampleSize = sampleSize;
        this.eps = eps;
    }

    /**
     * P(ES >= t) for each of {@code targets} (all > 0), for random sets of {@code size} ranks.
     *
     * @param random the stream of this (size, side)
     */
    public Estimate[] estimate(int size, double[] targets, SplittableRandom random) {
        int n = weights.length;
        double highest = Arrays.stream(targets).max().orElse(0);
        MultilevelChain[] population = new MultilevelChain[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            population[i] = new MultilevelChain(weights, randomSet(n, size, random), size, n);
        }
        double[] s = new double[sampleSize];
        Level[] levels = new Level[64];
        int count = 0;
        double logProbability = 0; // of the population's condition: S > current level
        double variance = 0; // of log p, summed over levels
        double level = Double.NEGATIVE_INFINITY;
        while (true) {
            boolean[] positive = new boolean[sampleSize];
            for (int i = 0; i < sampleSize; i++) {
                population[i].measure(size, n);
                s[i] = population[i].deviation;
                positive[i] = population[i].positive;
            }
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            double median = sorted[sampleSize / 2];
            if (count == levels.length) {
                levels = Arrays.copyOf(levels, count * 2);
            }
            levels[count++] = new Level(logProbability, variance, s.clone(), positive);
            int survivors = sampleSize - Significance.upperBound(sorted, median);
            if (median >= highest || survivors == 0 || logProbability < Math.log(eps)) {
                break;
            }
            double fraction = (double) survivors / sampleSize;
            logProbability += Math.log(fraction);
            variance += (1 - fraction) / (fraction * sampleSize);
            level = median;
            int[] alive = new int[survivors];
            int a = 0;
            for (int i = 0; i < sampleSize; i++) {
                if (s[i] > level) {
                    alive[a++] = i;
                }
            }
            MultilevelChain[] next = new MultilevelChain[sampleSize];
            for (int i = 0; i < sampleSize; i++) {
                next[i] = s[i] > level ? population[i]
                        : new MultilevelChain(population[alive[random.nextInt(survivors)]]);
            }
            population = next;
            moveAll(population, size, n, level, random);
        }
        Estimate[] out = new Estimate[targets.length];
        for (int t = 0; t < targets.length; t++) {
            out[t] = read(levels, count, targets[t]);
        }
        return out;
    }

    /** The estimate for one target, from the first level whose population reaches beyond it. */
    private Estimate read(Level[] levels, int count, double target) {
        int at = count - 1;
        for (int i = 0; i < count; i++) {
            double[] sorted = levels[i].s.clone();
            Arrays.sort(sorted);
            if (sorted[sampleSize / 2] >= target) {
                at = i;
                break;
            }
        }
        Level l = levels[at];
        int reachPositive = 0;
        for (int i = 0; i < sampleSize; i++) {
            reachPositive += l.s[i] >= target && l.positive[i] ? 1 : 0;
        }
        if (reachPositive == 0) {
            // beyond what the last level can see: below eps, or (a population that could climb no further) below
            // one member of the last level; no error can be stated
            double bound = l.logProbability < Math.log(eps) ? eps : Math.exp(l.logProbability) / sampleSize;
            return new Estimate(bound, Double.NaN);
        }
        double fraction = (double) reachPositive / sampleSize;
        double variance = l.variance + (1 - fraction) / (fraction * sampleSize);
        return new Estimate(Math.exp(l.logProbability) * fraction, Math.sqrt(variance) / Math.log(2));
    }

    /** A population before its cut: P(condition), the variance of its log, every member's S and sign of ES. */
    private record Level(double logProbability, double variance, double[] s, boolean[] positive) {
    }

    /**
     * Markov chain moves of the whole population, conditioned on S > level: rounds in which every set gets the same
     * number of attempts, until the accepted swaps add up to {@code size} per set (or {@value #ATTEMPTS_PER_MEMBER}
     * * size attempts per set). Every set gets the same attempts, whatever its own acceptance: stopping a set after
     * a fixed number of its own accepted moves would sample the jump chain, whose stationary distribution leans
     * towards sets deep in the tail, where more moves are accepted, and would overstate every level's fraction.
     */
    private void moveAll(MultilevelChain[] chains, int size, int n, double level, SplittableRandom random) {
        int perRound = Math.max(1, size / 10);
        long wanted = (long) sampleSize * size;
        long accepted = 0;
        for (MultilevelChain chain : chains) {
            chain.startLevel(size, n, level);
        }
        for (int attempts = 0; attempts < ATTEMPTS_PER_MEMBER * size && accepted < wanted; attempts += perRound) {
            for (MultilevelChain chain : chains) {
                accepted += move(chain, size, n, level, perRound, random);
            }
        }
    }

    /**
     * {@code attempts} Metropolis swaps of one set, conditioned on S > level; returns how many were accepted. A swap
     * takes a member chosen uniformly and puts in its place either a gene chosen uniformly from the list or, half
     * of the time, the gene a random distance of at most one average gap (n / size) away from it: both proposals
     * are symmetric, so random sets conditioned on S > level stay so; the local one is accepted far more often deep
     * in the tail, where a uniform gene almost always pulls S below the level.
     */
    private int move(MultilevelChain chain, int size, int n, double level, int attempts,
                     SplittableRandom random) {
        int[] set = chain.inNoOrder;
        int gap = Math.max(1, n / size);
        int accepted = 0;
        double miss = 1.0 / (n - size);
        for (int attempt = 0; attempt < attempts; attempt++) {
            // one draw per attempt: the member from the high 32 bits, the kind of proposal from bit 0, the rank or
            // step from bits 1..31, each by multiply-shift (an integer division per bounded draw would cost as much
            // as the rest of the attempt; the bias, below bound / 2^31 < 1e-5, is far below the estimator's error)
            long bits = random.nextLong();
            int index = (int) (((bits >>> 32) * size) >>> 32);
            int removed = set[index];
            long low = (bits >>> 1) & 0x7FFFFFFFL;
            int added;
            if ((bits & 1) != 0) {
                added = (int) ((low * n) >>> 31);
            } else {
                int step = (int) ((low * (2L * gap)) >>> 31) - gap;
                added = removed + (step >= 0 ? step + 1 : step);
                if (added < 0 || added >= n) {
                    continue;
                }
            }
            if (chain.has(added)) {
                continue;
            }
            double newTotal = chain.total - weights[removed] + weights[added];
            boolean holds = chain.witnessHolds(removed, added, newTotal, miss, level);
            chain.flip(removed);
            chain.flip(added);
            if (!holds && !chain.exceeds(size, n, level, newTotal)) {
                chain.flip(removed);
                chain.flip(added);
                continue;
            }
            chain.accept(!holds);
            set[index] = added;
            chain.total = newTotal;
            accepted++;
        }
        return accepted;
    }

    /** Floyd's algorithm: {@code size} distinct ranks of {@code n}, uniformly, as bits over the ranks. */
    private static long[] randomSet(int n, int size, SplittableRandom random) {
        long[] chosen = new long[(n + 63) >>> 6];
        for (int j = n - size; j < n; j++) {
            int r = random.nextInt(j + 1);
            int pick = (chosen[r >>> 6] & (1L << r)) != 0 ? j : r;
            chosen[pick >>> 6] |= 1L << pick;
        }
        return chosen;
    }
}
