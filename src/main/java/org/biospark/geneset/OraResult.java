package org.biospark.geneset;

import java.io.Serializable;
import java.util.List;

/**
 * The over-representation of one gene set in a gene list.
 *
 * @param name     the set's key, as the caller gave it
 * @param size     K: the set's genes in the universe
 * @param overlap  k: the set's genes in the list
 * @param expected n K / N: the overlap a random list of the same size would have on average
 * @param fold     overlap / expected
 * @param pval     P(X >= k), hypergeometric
 * @param padj     Benjamini-Hochberg over the sets tested
 * @param genes    the overlapping genes, in the set's order
 * @param <K>      the type of the sets' keys
 */
public record OraResult<K>(K name, int size, int overlap, double expected, double fold, double pval, double padj,
                        List<String> genes) implements Serializable {
}
