package org.biospark.spark;

import java.io.Serializable;

import org.biospark.align.AlignmentMode;
import org.biospark.align.Scoring;

/**
 * What every alignment task needs to know, shipped to the executors with the task.
 *
 * @param scoring     scores and gaps
 * @param mode        global, semi-global or local
 * @param bothStrands DNA: also align the reverse complement of each query
 * @param topK        keep the best k targets per query (over both strands); 0 keeps all
 * @param minScore    keep only hits scoring at least this; {@code Integer.MIN_VALUE} keeps all
 * @param traceback   compute the alignment's path, coordinates and identity for every kept hit
 */
public record AlignSettings(Scoring scoring, AlignmentMode mode, boolean bothStrands, int topK, int minScore,
                            boolean traceback) implements Serializable {
    /** No {@code --top-k} and no {@code --min-score}: every pair is a hit. */
    boolean keepsEveryPair() {
        return topK <= 0 && minScore == Integer.MIN_VALUE;
    }
}
