package org.biospark.io;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ranked list's statistics as they are read, line by line from an RNK file or row by row from a table: the first
 * occurrence of a gene kept, or with {@code collapse} the one with the largest |statistic| (the first on a tie),
 * and every other occurrence a problem at its position, so that each input record is accounted for once.
 */
public final class RankScores {
    /** Why the record at {@code position} was not used. */
    public record Problem(long position, String reason) {
    }

    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, Long> first = new HashMap<>();
    private final boolean collapse;
    private final String unit;

    /**
     * @param collapse keep the largest |statistic| of a repeated gene instead of its first
     * @param unit     what a position counts, for the reasons ("line", "row")
     */
    public RankScores(boolean collapse, String unit) {
        this.collapse = collapse;
        this.unit = unit;
    }

    /** Adds a gene's statistic read at {@code position}; returns the problem it makes, or null. */
    public Problem add(String gene, double score, long position) {
        if (!scores.containsKey(gene)) {
            scores.put(gene, score);
            first.put(gene, position);
            return null;
        }
        if (!collapse) {
            return new Problem(position, "duplicate gene (first at " + unit + " " + first.get(gene) + ")");
        }
        long kept = first.get(gene);
        long dropped = position;
        if (Math.abs(score) > Math.abs(scores.get(gene))) {
            scores.put(gene, score);
            first.put(gene, position);
            dropped = kept;
            kept = position;
        }
        return new Problem(dropped, "duplicate gene collapsed into " + unit + " " + kept
                + " (largest |statistic| kept)");
    }

    /** Gene to statistic, in the order the genes were first read. */
    public Map<String, Double> scores() {
        return scores;
    }
}
