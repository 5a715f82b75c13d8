package org.biospark.spark.align;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.biospark.align.ScoreMatrix;
import org.biospark.io.InvalidInputException;
import org.biospark.io.SequenceReader;
import org.biospark.spark.run.Reject;

/** The reference file, read and checked on the driver, encoded once for the broadcast to every executor. */
final class References {
    /** Largest reference set that is broadcast (residues). */
    static final long MAX_RESIDUES = 1L << 30;

    private References() {
    }

    /** Every record of the reference file, as read. */
    static List<SourcedRecord> read(String file, Configuration conf) {
        Path path = new Path(file);
        List<SourcedRecord> records = new ArrayList<>();
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new InvalidInputException(file, "the reference file does not exist");
            }
            try (SequenceReader reader = SequenceReader.open(fs.open(path), file)) {
                reader.forEachRemaining(r -> records.add(new SourcedRecord(file, r)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return records;
    }

    /** The valid, unique references encoded; the others go to {@code rejects} with their reason. */
    static ReferenceSet encode(List<SourcedRecord> records, ScoreMatrix matrix, List<Reject> rejects) {
        List<String> ids = new ArrayList<>();
        List<byte[]> sequences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long residues = 0;
        for (SourcedRecord r : records) {
            String problem = QueryChecks.problem(r.record(), matrix, false);
            if (problem == null && !seen.add(r.record().id())) {
                problem = "duplicate reference id";
            }
            if (problem != null) {
                rejects.add(r.reject(problem));
                continue;
            }
            ids.add(r.record().id());
            sequences.add(matrix.encode(r.record().sequence()));
            residues += r.record().sequence().length();
        }
        if (residues > MAX_RESIDUES) {
            throw new InvalidInputException(records.get(0).source(), "the references hold " + residues
                    + " residues, more than the " + MAX_RESIDUES + " that can be broadcast to every executor;"
                    + " split them into several runs");
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException(records.isEmpty() ? "references" : records.get(0).source(),
                    "no usable reference sequence (" + rejects.size() + " rejected)");
        }
        return new ReferenceSet(List.copyOf(ids), List.copyOf(sequences));
    }
}
