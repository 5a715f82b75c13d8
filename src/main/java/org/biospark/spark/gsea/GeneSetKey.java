package org.biospark.spark.gsea;

import java.io.Serializable;

/**
 * A gene set of a run: its collection (the GMT file's name) and its name there. Two collections may hold sets of
 * the same name; the pair is unique.
 *
 * @param collection the collection
 * @param name       the set's name in it
 */
public record GeneSetKey(String collection, String name) implements Serializable {
    @Override
    public String toString() {
        return collection + "/" + name;
    }
}
