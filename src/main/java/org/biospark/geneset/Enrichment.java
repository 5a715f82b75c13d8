package org.biospark.geneset;

import java.io.Serializable;
import java.util.List;

/**
 * The enrichment of one gene set in one ranked list.
 *
 * @param es          the enrichment score: the running sum's largest deviation from zero, with its sign
 * @param rankAtMax   where the running sum reaches it, as GSEA desktop reports it: for a positive score the 0-based
 *                    rank of the peak, for a negative one N minus that rank (its distance from the bottom)
 * @param leadingEdge the set's genes that account for it: for a positive score those ranked up to the peak, in
 *                    rank order; for a negative one those from the peak on, from the bottom of the list upwards
 * @param size        genes of the set present in the list
 */
public record Enrichment(double es, int rankAtMax, List<String> leadingEdge, int size) implements Serializable {
}
