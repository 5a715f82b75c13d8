package org.biospark.geneset;

/**
 * Which sets each gene belongs to, for scoring many sets under one ranking at once: one walk down the ranked list
 * appends the rank to every set that contains the gene at hand, so all sets cost O(sum of their sizes + N),
 * with no per-set sorting. The arithmetic is {@link EnrichmentScore}'s, step for step, so the scores are the same to
 * the last bit. The walk writes each set's ranks, already sorted, into one flat array; the scores are then
 * computed set by set on contiguous memory.
 */
final class SetIncidence {

    private final int setCount;
    private final int[] sizes;
    private final int[] start;
    private final int[] setsOfGene;
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
        offset = new int[setCount];
        for (int s = 1; s < setCount; s++) {
            offset[s] = offset[s - 1] + sizes[s - 1];
        }
        cursor = new int[setCount];
        positions = new int[setsOfGene.length];
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
        for (int r = 0; r < n; r++) {
            int g = geneAtRank[r];
            for (int i = start[g], end = start[g + 1]; i < end; i++) {
                positions[fill[setsOfGene[i]]++] = r;
            }
        }
        for (int s = 0; s < setCount; s++) {
            es[s] = EnrichmentScore.es(weightAtRank, positions, offset[s], sizes[s], n);
        }
    }
}
