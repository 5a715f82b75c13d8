package org.biospark.spark.align;

import java.io.Serializable;
import java.util.List;

/**
 * The references every query is aligned against, encoded once on the driver and broadcast to the executors.
 *
 * @param ids       reference ids, in file order
 * @param sequences the encoded residues, same order
 */
public record ReferenceSet(List<String> ids, List<byte[]> sequences) implements Serializable {
    /** Total residues: the cost of aligning one query residue against all references. */
    public long residues() {
        return sequences.stream().mapToLong(s -> s.length).sum();
    }
}
