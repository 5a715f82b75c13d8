package org.biospark.spark.run;

import java.io.Serializable;

import org.apache.spark.sql.Row;
import org.biospark.io.LineProblem;

/**
 * An input record that was not used, and why; a row of {@link RejectsSchema}.
 *
 * @param source       the file (or table) the record came from
 * @param recordNumber its ordinal in the file, 1-based (0 when not applicable)
 * @param line         the line it starts on, 1-based (0 when not applicable)
 * @param id           the record's id or key
 * @param reason       why it was not used
 * @param dataset      the dataset it was left out of ({@code gsea}), or null
 */
public record Reject(String source, long recordNumber, long line, String id, String reason, String dataset)
        implements Serializable {
    /** A bad line of an input file. */
    public static Reject of(LineProblem p) {
        return new Reject(p.file(), 0, p.line(), p.key(), p.reason(), null);
    }

    /** The row of the {@code rejects} table. */
    public Row toRow() {
        return RejectsSchema.LAYOUT.row().set(RejectsSchema.SOURCE, source)
                .set(RejectsSchema.RECORD_NUMBER, recordNumber).set(RejectsSchema.LINE, line)
                .set(RejectsSchema.ID, id).set(RejectsSchema.REASON, reason).set(RejectsSchema.DATASET, dataset)
                .build();
    }
}
