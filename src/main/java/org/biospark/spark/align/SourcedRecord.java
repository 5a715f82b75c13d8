package org.biospark.spark.align;

import java.io.Serializable;

import org.biospark.io.SequenceRecord;
import org.biospark.spark.run.Reject;

/**
 * A record with the file it came from.
 *
 * @param source the file's path or URI as given to Spark
 * @param record the record
 */
public record SourcedRecord(String source, SequenceRecord record) implements Serializable {
    /** Orders records by file, then by position in the file: "first" for duplicate ids. */
    static int compareByOrigin(SourcedRecord a, SourcedRecord b) {
        int bySource = a.source().compareTo(b.source());
        return bySource != 0 ? bySource : Long.compare(a.record().recordNumber(), b.record().recordNumber());
    }

    /** This record in {@code rejects/}, for {@code reason}. */
    Reject reject(String reason) {
        return new Reject(source, record.recordNumber(), record.line(), record.id(), reason, null);
    }
}
