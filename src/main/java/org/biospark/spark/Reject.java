package org.biospark.spark;

import java.io.Serializable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * An input record that was not used, and why; a row of {@link RejectsSchema}.
 */
public record Reject(String source, long recordNumber, long line, String id, String reason, String dataset)
        implements Serializable {
    static Reject of(SourcedRecord r, String reason) {
        return new Reject(r.source(), r.record().recordNumber(), r.record().line(), r.record().id(), reason, null);
    }

    /** A bad line of an input file. */
    static Reject of(org.biospark.io.LineProblem p) {
        return new Reject(p.file(), 0, p.line(), p.key(), p.reason(), null);
    }

    Row toRow() {
        return RowFactory.create(source, recordNumber, line, id, reason, dataset);
    }
}
