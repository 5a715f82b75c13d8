package org.biospark.geneset;

import java.io.Serializable;

/**
 * The GSEA of one gene set (preranked or phenotype permutation).
 *
 * @param name        the set's key, as the caller gave it
 * @param <K>         the type of the sets' keys
 * @param enrichment  ES, size, leading edge, rank at max
 * @param nes         ES over the mean of the same-signed null scores of the set (of its size, preranked)
 * @param pval        nominal p: (1 + nulls at least as extreme) / (1 + nulls of the same sign), the smaller side
 * @param padj        Benjamini-Hochberg over all sets of the list
 * @param fdrQ        GSEA's FDR q: the share of null NES at least as extreme among all null NES of ES's sign,
 *                    over the share of observed NES at least as extreme among the observed of that sign
 * @param fwer        GSEA's family-wise error: the share of permutations whose most extreme null NES of ES's sign,
 *                    over all sets, is at least as extreme as this NES
 * @param moreExtreme null scores at least as extreme as ES, on its side
 * @param log2err     the standard deviation of log2(pval) (a permutation or multilevel estimate); NaN where none
 *                    can be stated (a multilevel p-value that reached its lower bound eps)
 */
public record GseaResult<K>(K name, Enrichment enrichment, double nes, double pval, double padj, double fdrQ,
                         double fwer, long moreExtreme, double log2err) implements Serializable {

    static <K> GseaResult<K> of(K name, Enrichment enrichment, SetSignificance s, double log2err) {
        return new GseaResult<>(name, enrichment, s.nes(), s.pval(), s.padj(), s.fdrQ(), s.fwer(), s.moreExtreme(),
                log2err);
    }
}
