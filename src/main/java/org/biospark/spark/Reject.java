package org.biospark.spark;

import java.io.Serializable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * An input record that was not used, and why; a row of {@link RejectsSchema}.
 */
public record Reject(String source, long recordNumber, long line, String id, String reason) implements Serializable {
    static Reject of(SourcedRecord r, String reason) {
        return new Reject(r.source(), r.record().recordNumber(), r.record().line(), r.record().id(), reason);
    }

    Row toRow() {
        return RowFactory.create(source, recordNumber, line, id, reason);
    }
}
