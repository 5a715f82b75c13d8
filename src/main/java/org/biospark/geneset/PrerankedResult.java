package org.biospark.geneset;

import java.io.Serializable;

/**
 * The preranked GSEA of one gene set.
 *
 * @param name         the set
 * @param enrichment   ES, size, leading edge, rank at max
 * @param nes          ES over the mean of the same-signed null scores of sets of its size
 * @param pval         nominal p: (1 + nulls at least as extreme) / (1 + nulls of the same sign), the smaller side
 * @param padj         Benjamini-Hochberg over all sets of the list
 * @param moreExtreme  null scores at least as extreme as ES, on its side
 */
public record PrerankedResult(String name, Enrichment enrichment, double nes, double pval, double padj,
                              long moreExtreme) implements Serializable {
}
