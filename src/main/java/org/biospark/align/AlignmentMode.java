package org.biospark.align;

import java.io.Serializable;

/**
 * What kind of alignment is sought. Global (Needleman-Wunsch) aligns both sequences end to end; local
 * (Smith-Waterman) the best-scoring pair of substrings; semi-global is global where some ends may hang over
 * without penalty, as EMBOSS needle scores by default (all four) or parasail's {@code sg_*} variants.
 *
 * @param local              Smith-Waterman: scores never drop below 0 and the alignment may start and end anywhere
 * @param freeQueryPrefix    a query prefix may be left unaligned at no cost
 * @param freeQuerySuffix    a query suffix may be left unaligned at no cost
 * @param freeTargetPrefix   a target prefix may be left unaligned at no cost
 * @param freeTargetSuffix   a target suffix may be left unaligned at no cost
 */
public record AlignmentMode(boolean local, boolean freeQueryPrefix, boolean freeQuerySuffix,
                            boolean freeTargetPrefix, boolean freeTargetSuffix) implements Serializable {
    /** Needleman-Wunsch with every end gap penalised. */
    public static final AlignmentMode GLOBAL = new AlignmentMode(false, false, false, false, false);
    /** Global with all four ends free, as EMBOSS needle by default. */
    public static final AlignmentMode SEMI_GLOBAL = new AlignmentMode(false, true, true, true, true);
    /** Smith-Waterman. */
    public static final AlignmentMode LOCAL = new AlignmentMode(true, true, true, true, true);

    public AlignmentMode {
        if (local && !(freeQueryPrefix && freeQuerySuffix && freeTargetPrefix && freeTargetSuffix)) {
            throw new IllegalArgumentException("a local alignment has all its ends free");
        }
    }

    /** Semi-global with the given ends free. */
    public static AlignmentMode semiGlobal(boolean queryPrefix, boolean querySuffix, boolean targetPrefix,
                                           boolean targetSuffix) {
        return new AlignmentMode(false, queryPrefix, querySuffix, targetPrefix, targetSuffix);
    }

    /**
     * The mode a user names: {@code global}, {@code semiglobal} or {@code local} (case and a hyphen ignored).
     *
     * @throws IllegalArgumentException naming the modes when none matches
     */
    public static AlignmentMode named(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "")) {
            case "global" -> GLOBAL;
            case "semiglobal" -> SEMI_GLOBAL;
            case "local" -> LOCAL;
            default -> throw new IllegalArgumentException("the mode must be global, semiglobal or local, not '"
                    + name + "'");
        };
    }

    /**
     * How users spell this mode: {@code global}, {@code semiglobal} or {@code local}; a semi-global mode with only
     * some ends free lists them, as {@code semiglobal(query-prefix,target-suffix)}.
     */
    public String label() {
        if (local) {
            return "local";
        }
        java.util.List<String> free = new java.util.ArrayList<>();
        if (freeQueryPrefix) {
            free.add("query-prefix");
        }
        if (freeQuerySuffix) {
            free.add("query-suffix");
        }
        if (freeTargetPrefix) {
            free.add("target-prefix");
        }
        if (freeTargetSuffix) {
            free.add("target-suffix");
        }
        return switch (free.size()) {
            case 0 -> "global";
            case 4 -> "semiglobal";
            default -> "semiglobal(" + String.join(",", free) + ")";
        };
    }

    /** The same mode with the roles of query and target exchanged (their free ends change places). */
    public AlignmentMode swapped() {
        return new AlignmentMode(local, freeTargetPrefix, freeTargetSuffix, freeQueryPrefix, freeQuerySuffix);
    }
}
