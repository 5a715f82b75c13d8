package org.biospark.spark.align;

import org.biospark.align.ScoreMatrix;
import java.util.ArrayList;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import scala.Tuple2;

/**
 * What one pass over a partition of checked query records learns, so that a single job gives the driver
 * everything it needs before aligning: records read, records invalid, the length histogram of the valid ones (for
 * the cost-balanced partitioning), the residues of the valid records of each partition (whether the input's own
 * partitions are balanced enough to align in place) and the sorted 64-bit hashes of their ids (for the duplicate
 * check). The hashes are left out ({@code null}) when the partition suggests more than {@code hashLimit} records in
 * all; the driver then finds repeated hashes with a distributed count instead of holding them.
 */
final class QueryTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long read;
    private final long invalid;
    private final Map<Integer, Long> validLengths;
    private final long[] idHashes;
    private final long[] partitionResidues;

    private QueryTally(long read, long invalid, Map<Integer, Long> validLengths, long[] idHashes,
                       long[] partitionResidues) {
        this.read = read;
        this.invalid = invalid;
        this.validLengths = validLengths;
        this.idHashes = idHashes;
        this.partitionResidues = partitionResidues;
    }

    /**
     * The tally of one partition of (record, problem or null) pairs. {@code partitions} is the number of
     * partitions of the whole input: this one's count times it estimates the total.
     */
    static QueryTally of(Iterator<Tuple2<SourcedRecord, String>> records, int partitions, long hashLimit) {
        Builder tally = new Builder();
        records.forEachRemaining(r -> tally.add(r._1(), r._2()));
        return tally.build(partitions, hashLimit);
    }

    /** Tallies one partition's records as they stream past. */
    static final class Builder {
        private long read;
        private long invalid;
        private final Map<Integer, Long> lengths = new HashMap<>();
        private long[] hashes = new long[1024];
        private int valid;
        private long residues;

        /** Checks and counts every record; returns the valid ones, to be aligned. */
        List<SourcedRecord> addChecked(Iterator<SourcedRecord> records, ScoreMatrix matrix, boolean bothStrands) {
            List<SourcedRecord> valid = new ArrayList<>();
            while (records.hasNext()) {
                SourcedRecord r = records.next();
                String problem = QueryChecks.problem(r.record(), matrix, bothStrands);
                add(r, problem);
                if (problem == null) {
                    valid.add(r);
                }
            }
            return valid;
        }

        /** Counts a record, valid when {@code problem} is null. */
        void add(SourcedRecord record, String problem) {
            read++;
            if (problem != null) {
                invalid++;
                return;
            }
            int length = record.record().sequence().length();
            lengths.merge(length, 1L, Long::sum);
            residues += length;
            if (valid == hashes.length) {
                hashes = Arrays.copyOf(hashes, 2 * valid);
            }
            hashes[valid++] = IdHash.of(record.record().id());
        }

        /** The partition's tally; see {@link QueryTally#of} for the arguments. */
        QueryTally build(int partitions, long hashLimit) {
            long[] kept = null;
            if ((double) valid * partitions <= hashLimit) {
                kept = Arrays.copyOf(hashes, valid);
                Arrays.sort(kept);
            }
            return new QueryTally(read, invalid, new HashMap<>(lengths), kept, new long[] {residues});
        }
    }

    /** The tallies of all partitions, in partition order, as one; its hashes are null if any partition's were. */
    static QueryTally merge(List<QueryTally> parts) {
        long read = 0;
        long invalid = 0;
        Map<Integer, Long> lengths = new HashMap<>();
        int hashes = 0;
        boolean complete = true;
        long[] residues = parts.stream().flatMapToLong(t -> Arrays.stream(t.partitionResidues)).toArray();
        for (QueryTally t : parts) {
            read += t.read;
            invalid += t.invalid;
            t.validLengths.forEach((length, n) -> lengths.merge(length, n, Long::sum));
            complete &= t.idHashes != null;
            hashes += complete ? t.idHashes.length : 0;
        }
        long[] all = null;
        if (complete) {
            all = new long[hashes];
            int at = 0;
            for (QueryTally t : parts) {
                System.arraycopy(t.idHashes, 0, all, at, t.idHashes.length);
                at += t.idHashes.length;
            }
            Arrays.sort(all);
        }
        return new QueryTally(read, invalid, lengths, all, residues);
    }

    long read() {
        return read;
    }

    long invalid() {
        return invalid;
    }

    long valid() {
        return read - invalid;
    }

    /** Lengths of the valid records and how many have each. */
    Map<Integer, Long> validLengths() {
        return validLengths;
    }

    /** The residues of the valid records in each partition, in partition order. */
    long[] partitionResidues() {
        return partitionResidues.clone();
    }

    /** Whether the hashes of all valid ids are here. */
    boolean hasHashes() {
        return idHashes != null;
    }

    /** The id hashes that occur more than once (sorted, distinct); needs {@link #hasHashes()}. */
    long[] repeatedHashes() {
        if (idHashes == null) {
            throw new IllegalStateException("the id hashes were not kept");
        }
        long[] repeated = new long[16];
        int count = 0;
        for (int i = 1; i < idHashes.length; i++) {
            if (idHashes[i] == idHashes[i - 1] && (count == 0 || repeated[count - 1] != idHashes[i])) {
                if (count == repeated.length) {
                    repeated = Arrays.copyOf(repeated, 2 * count);
                }
                repeated[count++] = idHashes[i];
            }
        }
        return Arrays.copyOf(repeated, count);
    }
}
