package org.biospark.spark.align;

import org.biospark.align.InvalidResidueException;
import org.biospark.align.ScoreMatrix;
import org.biospark.io.SequenceReader;
import org.biospark.io.SequenceRecord;

/** Executor side: why a query record cannot be aligned, or null when it can (duplicates are found later). */
final class QueryChecks {
    private QueryChecks() {
    }

    static String problem(SequenceRecord record, ScoreMatrix matrix, boolean bothStrands) {
        if (record.id().isEmpty()) {
            return "empty id";
        }
        if (record.tooLong()) {
            return String.format(java.util.Locale.ROOT, "longer than the limit of %,d residues (%,d read)",
                    SequenceReader.MAX_RESIDUES, record.omitted());
        }
        if (record.sequence().isEmpty()) {
            return "empty sequence";
        }
        if (record.quality() != null && record.quality().length() != record.sequence().length()) {
            return "quality length " + record.quality().length() + " differs from sequence length "
                    + record.sequence().length();
        }
        try {
            matrix.check(record.sequence());
        } catch (InvalidResidueException e) {
            return e.getMessage();
        }
        return null;
    }
}
