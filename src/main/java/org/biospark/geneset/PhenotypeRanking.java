package org.biospark.geneset;

import java.util.List;

/** Ranks the genes of an expression matrix by a metric of class A against class B. */
public final class PhenotypeRanking {
    private PhenotypeRanking() {
    }

    /**
     * @param genes   gene names, one per row
     * @param values  {@code values[gene][sample]}
     * @param labels  each sample's class
     * @param classA  the class whose higher values rank first
     */
    public static RankedList rank(List<String> genes, double[][] values, List<String> labels, String classA,
                                  RankingMetric metric) {
        boolean[] inA = new boolean[labels.size()];
        int nA = 0;
        for (int s = 0; s < inA.length; s++) {
            inA[s] = labels.get(s).equals(classA);
            nA += inA[s] ? 1 : 0;
        }
        if (nA == 0 || nA == inA.length) {
            throw new IllegalArgumentException("both classes need samples: " + nA + " of " + inA.length + " are " + classA);
        }
        double[] statistics = new double[genes.size()];
        for (int g = 0; g < genes.size(); g++) {
            if (values[g].length != inA.length) {
                throw new IllegalArgumentException("gene " + genes.get(g) + " has " + values[g].length
                        + " values for " + inA.length + " labels");
            }
            statistics[g] = metric.score(values[g], inA);
        }
        return RankedList.of(genes.toArray(new String[0]), statistics);
    }
}
