package org.biospark.geneset;

import java.util.Arrays;

/**
 * One set's Markov chain within a level: its members in no order (to draw one uniformly) and as bits over the
 * ranks (to test membership, and to walk the set in rank order), its total weight, and witnesses: the last
 * {@value #WITNESSES} points of its running sum that walks found above the level (each a rank, and the weight
 * and number of members up to it), kept up to date through swaps. Most accepted swaps leave a witness above
 * the level, which is then seen in O(1); only the others walk the bits up to the first excursion above the
 * level (any point of the running sum above the level puts S above it, whether or not a member sits at that
 * rank). No sorted array is kept up to date.
 */
final class MultilevelChain {
    /** Points of its running sum each chain keeps as witnesses of S above the level. */
    private static final int WITNESSES = 4;
    /** Words of member bits per block that a walk can pass over whole, and the ranks they cover. */
    private static final int BLOCK_WORDS = 8;
    private static final int BLOCK_RANKS = 64 * BLOCK_WORDS;
    /**
     * A block is passed over only when its bound is this far under the level: its sums, kept up to date through
     * swaps, drift from a fresh sum by a few ulps.
     */
    private static final double SLACK = 1e-9;

    private final double[] weights;
    final long[] members;
    final int[] inNoOrder;
    double total;
    /** From {@link #measure}: S, the running sum's highest point, and whether the ES is positive. */
    double deviation;
    boolean positive;
    /** Witnesses: ranks, and the weight and number of members up to each, for the set as it stands. */
    final int[] witnessRank = new int[WITNESSES];
    final double[] witnessWeight = new double[WITNESSES];
    final int[] witnessMembers = new int[WITNESSES];
    /** The same after the swap being tried. */
    final double[] swappedWeight = new double[WITNESSES];
    final int[] swappedMembers = new int[WITNESSES];
    /** Where the next witness a walk finds goes: the slot written longest ago. */
    int oldest;
    /** The weight and number of members in each block of {@value #BLOCK_RANKS} ranks (8 words of bits). */
    final double[] blockWeight;
    final int[] blockMembers;
    /** The point a walk found: its rank (-1 for none), weight and number of members up to it. */
    int foundRank;
    double foundWeight;
    int foundMembers;

    /** A copy of {@code other}, to move on its own. */
    MultilevelChain(MultilevelChain other) {
        weights = other.weights;
        members = other.members.clone();
        inNoOrder = other.inNoOrder.clone();
        total = other.total;
        blockWeight = other.blockWeight.clone();
        blockMembers = other.blockMembers.clone();
    }

    /**
     * The chain of the set whose members are the bits of {@code members} (kept, not copied), over ranks of these
     * {@code weights}.
     */
    MultilevelChain(double[] weights, long[] members, int size, int n) {
        this.weights = weights;
        this.members = members;
        this.inNoOrder = new int[size];
        int blocks = (n + BLOCK_RANKS - 1) / BLOCK_RANKS;
        blockWeight = new double[blocks];
        blockMembers = new int[blocks];
        int j = 0;
        for (int word = 0; word < members.length; word++) {
            for (long x = members[word]; x != 0; x &= x - 1) {
                int r = (word << 6) + Long.numberOfTrailingZeros(x);
                inNoOrder[j++] = r;
                total += weights[r];
                blockWeight[r / BLOCK_RANKS] += weights[r];
                blockMembers[r / BLOCK_RANKS]++;
            }
        }
    }

    /** Forgets the witnesses of the level below and finds a first one above this level. */
    void startLevel(int size, int n, double level) {
        Arrays.fill(witnessRank, -1);
        oldest = 0;
        exceeds(size, n, level, total);
        keepFound();
    }

    boolean has(int rank) {
        return (members[rank >>> 6] & (1L << rank)) != 0;
    }

    void flip(int rank) {
        members[rank >>> 6] ^= 1L << rank;
        boolean in = (members[rank >>> 6] & (1L << rank)) != 0;
        blockWeight[rank / BLOCK_RANKS] += in ? weights[rank] : -weights[rank];
        blockMembers[rank / BLOCK_RANKS] += in ? 1 : -1;
    }

    /**
     * Sets {@link #deviation} and {@link #positive} from one walk down the set's ranks, in
     * {@link EnrichmentScore}'s arithmetic, after summing the total and block weights afresh (swaps change
     * them by additions that drift by ulps).
     */
    void measure(int size, int n) {
        Arrays.fill(blockWeight, 0);
        total = 0;
        for (int r : inNoOrder) {
            total += weights[r];
            blockWeight[r / BLOCK_RANKS] += weights[r];
        }
        double miss = 1.0 / (n - size);
        double perWeight = 1.0 / total;
        double even = 1.0 / size;
        double cumulative = 0;
        double maxTop = Double.NEGATIVE_INFINITY;
        double minBottom = Double.POSITIVE_INFINITY;
        int j = 0;
        for (int word = 0; word < members.length && j < size; word++) {
            if ((word & (BLOCK_WORDS - 1)) == 0 && blockMembers[word / BLOCK_WORDS] == 0) {
                word += BLOCK_WORDS - 1;
                continue;
            }
            for (long x = members[word]; x != 0; x &= x - 1) {
                int r = (word << 6) + Long.numberOfTrailingZeros(x);
                double step = total == 0 ? even : weights[r] * perWeight;
                double bottom = cumulative - (r - j) * miss;
                cumulative += step;
                double top = cumulative - (r - j) * miss;
                maxTop = Math.max(maxTop, top);
                minBottom = Math.min(minBottom, bottom);
                j++;
            }
        }
        deviation = maxTop;
        positive = maxTop > -minBottom;
    }

    /**
     * Whether S > level for the set as its bits now stand, given its total weight: walks the members in rank
     * order and stops at the first point of the running sum beyond the level, which becomes {@code found*}, or as
     * soon as no later point can reach it (the running sum never exceeds 1 - misses / (N - size), and misses
     * only grow).
     */
    boolean exceeds(int size, int n, double level, double total) {
        double miss = 1.0 / (n - size);
        double step = 1.0 / total;
        double hopeless = (1 - level) / miss;
        double sum = 0;
        int j = 0;
        foundRank = -1;
        for (int word = 0; word < members.length; word++) {
            if ((word & (BLOCK_WORDS - 1)) == 0 && total > 0) {
                // a whole block whose highest possible point (all its weight at its first rank) stays under the
                // level is passed over by its sums
                int block = word / BLOCK_WORDS;
                int fewestMisses = (word << 6) - j;
                if (fewestMisses >= hopeless) {
                    return false;
                }
                if ((sum + blockWeight[block]) * step - fewestMisses * miss < level - SLACK) {
                    sum += blockWeight[block];
                    j += blockMembers[block];
                    word += BLOCK_WORDS - 1;
                    continue;
                }
            }
            for (long x = members[word]; x != 0; x &= x - 1) {
                int r = (word << 6) + Long.numberOfTrailingZeros(x);
                int misses = r - j;
                if (misses >= hopeless) {
                    return false;
                }
                j++;
                if (total == 0) {
                    if ((double) j / size - misses * miss > level) {
                        return true;
                    }
                    continue;
                }
                sum += weights[r];
                double point = sum * step - misses * miss;
                if (point > level) {
                    // the witness: the highest point of this excursion above the level, which more swaps leave
                    // above it than the first point of the excursion
                    foundRank = r;
                    foundWeight = sum;
                    foundMembers = j;
                    double best = point;
                    for (x &= x - 1; ; x &= x - 1) {
                        while (x == 0) {
                            if (++word == members.length) {
                                return true;
                            }
                            x = members[word];
                        }
                        r = (word << 6) + Long.numberOfTrailingZeros(x);
                        j++;
                        sum += weights[r];
                        point = sum * step - (r - j + 1) * miss;
                        if (point <= level) {
                            return true;
                        }
                        if (point > best) {
                            best = point;
                            foundRank = r;
                            foundWeight = sum;
                            foundMembers = j;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a witness stays above the level after the swap; every witness's values after it are kept for
     * {@link #accept}.
     */
    boolean witnessHolds(int removed, int added, double newTotal, double miss, double level) {
        boolean holds = false;
        for (int k = 0; k < WITNESSES; k++) {
            int rank = witnessRank[k];
            if (rank < 0) {
                continue;
            }
            double w = witnessWeight[k];
            int m = witnessMembers[k];
            if (removed <= rank) {
                w -= weights[removed];
                m--;
            }
            if (added <= rank) {
                w += weights[added];
                m++;
            }
            swappedWeight[k] = w;
            swappedMembers[k] = m;
            holds |= newTotal > 0 && w / newTotal - (rank + 1 - m) * miss > level;
        }
        return holds;
    }

    /** The swap tried last is made: the witnesses move to the swapped set, and a point a walk found joins them. */
    void accept(boolean walked) {
        System.arraycopy(swappedWeight, 0, witnessWeight, 0, WITNESSES);
        System.arraycopy(swappedMembers, 0, witnessMembers, 0, WITNESSES);
        if (walked) {
            keepFound();
        }
    }

    void keepFound() {
        if (foundRank >= 0) {
            witnessRank[oldest] = foundRank;
            witnessWeight[oldest] = foundWeight;
            witnessMembers[oldest] = foundMembers;
            oldest = (oldest + 1) % WITNESSES;
        }
    }
}
