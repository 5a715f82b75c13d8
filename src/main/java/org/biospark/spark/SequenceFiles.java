package org.biospark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.input.PortableDataStream;
import org.biospark.io.SequenceReader;
import org.biospark.io.SequenceRecord;

import scala.Tuple2;

/** Executor side: streams the records of one file handed out by {@code binaryFiles}, closing it at the end. */
final class SequenceFiles {
    private SequenceFiles() {
    }

    static Iterator<SourcedRecord> records(Tuple2<String, PortableDataStream> file) {
        String source = file._1();
        SequenceReader reader = SequenceReader.open(file._2().open(), source);
        return new Iterator<>() {
            private boolean open = true;

            @Override
            public boolean hasNext() {
                if (!open) {
                    return false;
                }
                if (reader.hasNext()) {
                    return true;
                }
                close();
                return false;
            }

            @Override
            public SourcedRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SequenceRecord record = reader.next();
                return new SourcedRecord(source, record);
            }

            private void close() {
                open = false;
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close " + source, e);
                }
            }
        };
    }
}
