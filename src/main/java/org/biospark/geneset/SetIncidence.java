package org.biospark.geneset;

/**
 * Which sets each gene belongs to, for scoring many sets under one ranking at once: one walk down the ranked list
 * appends the rank to every set that contains the gene at hand, so all sets cost O(sum of their sizes + N),
 * with no per-set sorting. The arithmetic is {@link EnrichmentScore}'s, step for step, so the scores are the same to
 * the last bit. The walk writes each set's ranks, already sorted, into one flat array; the scores are then
 * computed set by set on contiguous memory.
 * <p>
 * The walk visits the genes in a new random order for every permutation, so it is made of what a processor does
 * well on unpredictable data: each gene has a row of {@value #ROW} ints (its number of sets and its first three
 * sets), one cache line's quarter read at once, and all three appends happen whatever the number, an append past the
 * gene's sets going to a sink whose cursor does not move. Only a gene in more than three sets takes a branch to the
 * rest of its list. The sinks are several, so that consecutive genes seldom wait on the same sink's cursor.
 */
final class SetIncidence {
    /** Ints per gene in {@link #rows}: the gene's number of sets, then its first {@code ROW - 1} sets or sinks. */
    private static final int ROW = 4;
    /** Sinks: cursor slots past the sets' that absorb the appends of absent sets (a power of two). */
    private static final int SINKS = 8;

    private final int setCount;
    private final int[] sizes;
    private final int[] start;
    private final int[] setsOfGene;
    private final int[] rows;
    private final int[] offset;
    private final int[] cursor;
    private final int[] positions;

    /**
     * @param genes   the number of genes (indices 0..genes-1)
     * @param members each set's genes, distinct
     */
    SetIncidence(int genes, int[][] members) {
        setCount = members.length;
        sizes = new int[setCount];
        start = new int[genes + 1];
        for (int s = 0; s < setCount; s++) {
            sizes[s] = members[s].length;
            for (int g : members[s]) {
                start[g + 1]++;
            }
        }
        for (int g = 0; g < genes; g++) {
            start[g + 1] += start[g];
        }
        setsOfGene = new int[start[genes]];
        int[] fill = start.clone();
        for (int s = 0; s < setCount; s++) {
            for (int g : members[s]) {
                setsOfGene[fill[g]++] = s;
            }
        }
        rows = new int[genes * ROW];
        for (int g = 0; g < genes; g++) {
            int count = start[g + 1] - start[g];
            rows[g * ROW] = count;
            for (int k = 0; k < ROW - 1; k++) {
                int sink = setCount + (g * (ROW - 1) + k & SINKS - 1);
                rows[g * ROW + 1 + k] = k < count ? setsOfGene[start[g] + k] : sink;
            }
        }
        offset = new int[setCount];
        for (int s = 1; s < setCount; s++) {
            offset[s] = offset[s - 1] + sizes[s - 1];
        }
        cursor = new int[setCount + SINKS];
        positions = new int[setsOfGene.length + SINKS]; // the last SINKS slots are the sinks'
    }

    /**
     * The ES of every set under one ranking.
     *
     * @param geneAtRank   the gene at each 0-based rank
     * @param weightAtRank |statistic|^p at each rank
     * @param es           filled with each set's ES
     */
    void enrichmentScores(int[] geneAtRank, double[] weightAtRank, double[] es) {
        int n = geneAtRank.length;
        int[] fill = cursor;
        System.arraycopy(offset, 0, fill, 0, setCount);
        for (int k = 0; k < SINKS; k++) {
            fill[setCount + k] = setsOfGene.length + k;
        }
        int[] rows = this.rows;
        for (int r = 0; r < n; r++) {
            int row = geneAtRank[r] * ROW;
            int count = rows[row];
            int s0 = rows[row + 1];
            int s1 = rows[row + 2];
            int s2 = rows[row + 3];
            // (k - count) >>> 31 is 1 when the gene has a k-th set, 0 when s_k is a sink
            int at = fill[s0];
            positions[at] = r;
            fill[s0] = at + (-count >>> 31);
            at = fill[s1];
            positions[at] = r;
            fill[s1] = at + ((1 - count) >>> 31);
            at = fill[s2];
            positions[at] = r;
            fill[s2] = at + ((2 - count) >>> 31);
            if (count > ROW - 1) {
                int g = geneAtRank[r];
                for (int i = start[g] + ROW - 1, end = start[g + 1]; i < end; i++) {
                    positions[fill[setsOfGene[i]]++] = r;
                }
            }
        }
        for (int s = 0; s < setCount; s++) {
            es[s] = EnrichmentScore.es(weightAtRank, positions, offset[s], sizes[s], n);
        }
    }
}
