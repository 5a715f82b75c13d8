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

    /**
     * Every record of the reference file, as read. The driver holds them as text, then encoded, then serialized for
     * the broadcast: a file past {@link #MAX_RESIDUES}, or past what the driver's heap can hold three times over,
     * is refused as soon as its records pass that, before they are all in memory.
     */
    static List<SourcedRecord> read(String file, Configuration conf) {
        Path path = new Path(file);
        List<SourcedRecord> records = new ArrayList<>();
        long limit = Math.min(MAX_RESIDUES, Runtime.getRuntime().maxMemory() / 3);
        long residues = 0;
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new InvalidInputException(file, "the reference file does not exist");
            }
            try (SequenceReader reader = SequenceReader.open(fs.open(path), file)) {
                while (reader.hasNext()) {
                    SourcedRecord r = new SourcedRecord(file, reader.next());
                    residues += r.record().sequence().length();
                    if (residues > limit) {
                        throw tooMany(file, residues, r.record().line(), limit);
                    }
                    records.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return records;
    }

    private static InvalidInputException tooMany(String file, long residues, long line, long limit) {
        String why = limit == MAX_RESIDUES
                ? String.format(java.util.Locale.ROOT, "more than the %,d that are broadcast to every executor",
                        MAX_RESIDUES)
                : String.format(java.util.Locale.ROOT, "more than the driver's heap of %,d MB holds three times over"
                        + " (as text, encoded, and serialized for the broadcast): give a larger --driver-memory",
                        Runtime.getRuntime().maxMemory() >> 20);
        return new InvalidInputException(file, line, String.format(java.util.Locale.ROOT,
                "the references reach %,d residues here, %s; or split them into several runs", residues, why));
    }

    /** The valid, unique references encoded; the others go to {@code rejects} with their reason. */
    static ReferenceSet encode(List<SourcedRecord> records, ScoreMatrix matrix, List<Reject> rejects) {
        List<String> ids = new ArrayList<>();
        List<byte[]> sequences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
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
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException(records.isEmpty() ? "references" : records.get(0).source(),
                    "no usable reference sequence (" + rejects.size() + " rejected)");
        }
        return new ReferenceSet(List.copyOf(ids), List.copyOf(sequences));
    }
}
