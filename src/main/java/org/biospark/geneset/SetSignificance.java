package org.biospark.geneset;

import java.io.Serializable;

/**
 * The significance of one set's ES against its permutation null, as {@link Significance} defines each measure.
 *
 * @param nes         normalised enrichment score
 * @param pval        nominal p
 * @param padj        Benjamini-Hochberg over the sets computed together
 * @param fdrQ        GSEA's FDR q
 * @param fwer        GSEA's family-wise error rate
 * @param moreExtreme null ES at least as extreme as ES on its side
 */
public record SetSignificance(double nes, double pval, double padj, double fdrQ, double fwer, long moreExtreme)
        implements Serializable {
}
