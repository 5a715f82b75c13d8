package org.biospark.spark.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.biospark.align.ScoreMatrix;
import org.biospark.io.SequenceRecord;
import org.biospark.spark.run.PartitionRecords;
import org.biospark.spark.run.Reject;

import scala.Tuple2;

/**
 * The align job's general plan: the queries are read and checked once (the verdicts persisted), one job brings the
 * driver their counts, lengths and id hashes, duplicate ids are settled, and only then are the valid queries placed
 * in partitions of equal cost (or left where they were read, when those are balanced already) and aligned. Works
 * for any input: gzip files, many small files, skewed lengths, repeated ids, a partition count given.
 */
final class AlignByCost {
    /** The scratch directory of the alignment tasks' records. */
    static final String RECORDS = "align-by-cost";

    private AlignByCost() {
    }

    /** Aligns the queries of {@code splits}, files read by the executors. */
    static QueryCounts run(SparkSession spark, AlignRun run, QuerySplits splits) {
        return run(spark, run, splits.read(run.jsc()), true);
    }

    /**
     * Aligns {@code queries}, from files or a table; {@code keep} persists the checked records for the later
     * passes, which pays where reading them again costs more than keeping them (text files), not for a columnar
     * table's scan.
     */
    static QueryCounts run(SparkSession spark, AlignRun run, JavaRDD<SourcedRecord> queries, boolean keep) {
        JavaSparkContext jsc = run.jsc();
        AlignSettings settings = run.settings();
        Broadcast<ReferenceSet> broadcast = run.references();
        ReferenceSet references = broadcast.value();
        jsc.setJobDescription("align: reading queries");
        ScoreMatrix matrix = settings.scoring().matrix();
        boolean bothStrands = settings.bothStrands();
        JavaRDD<Tuple2<SourcedRecord, String>> checked = queries
                .map(r -> new Tuple2<>(r, QueryChecks.problem(r.record(), matrix, bothStrands)));
        if (keep) {
            checked = checked.persist(StorageLevel.MEMORY_AND_DISK_SER());
        }
        // One job learns what the driver needs before aligning: counts, the valid lengths, the id hashes.
        int inputPartitions = checked.getNumPartitions();
        long hashLimit = run.idHashLimit();
        QueryTally tally = QueryTally.merge(checked.mapPartitions(records -> {
            KernelWarmUp.start(settings, broadcast.value());
            return List.of(QueryTally.of(records, inputPartitions, hashLimit)).iterator();
        }).collect());
        long read = tally.read();
        JavaRDD<Reject> invalid = checked.filter(t -> t._2() != null).map(t -> t._1().reject(t._2()));
        JavaRDD<SourcedRecord> valid = checked.filter(t -> t._2() == null).map(Tuple2::_1);
        // Duplicate ids: only the records whose id hash repeats are grouped by id and compared exactly.
        Set<Long> repeated = repeatedIdHashes(tally, () -> valid);
        JavaRDD<SourcedRecord> unique = valid;
        JavaRDD<Reject> duplicates = jsc.emptyRDD();
        Map<Integer, Long> lengths = tally.validLengths();
        long rejected = tally.invalid();
        if (!repeated.isEmpty()) {
            jsc.setJobDescription("align: duplicate ids");
            Broadcast<Set<Long>> repeatedIds = jsc.broadcast(repeated);
            JavaRDD<Iterable<SourcedRecord>> sameHash = valid
                    .filter(r -> repeatedIds.value().contains(IdHash.of(r.record().id())))
                    .mapToPair(r -> new Tuple2<>(r.record().id(), r))
                    .groupByKey().values();
            unique = valid.filter(r -> !repeatedIds.value().contains(IdHash.of(r.record().id())))
                    .union(sameHash.map(AlignByCost::first));
            duplicates = sameHash.flatMap(group -> AlignByCost.later(group).iterator());
            rejected += duplicates.count();
            lengths = unique.map(r -> r.record().sequence().length()).countByValue();
        }

        jsc.setJobDescription("align: rejects");
        // Without invalid records or duplicates the rejects table is written without another pass.
        long rejectRows = run.writeRejects(spark, tally.invalid() == 0 ? duplicates : invalid.union(duplicates));

        long aligned = lengths.values().stream().mapToLong(Long::longValue).sum();
        int partitions = partitions(run.options(), lengths, references, jsc.defaultParallelism());
        // Byte-range splits of plain files are already balanced by cost (a split's cost is its residues times
        // the references'); the queries are moved by cost only when the input's partitions are not.
        boolean inPlace = run.options().partitions() == 0 && repeated.isEmpty()
                && TaskSizing.balancedEnough(tally.partitionResidues(), partitions);
        JavaRDD<SourcedRecord> placed;
        if (inPlace) {
            partitions = unique.getNumPartitions();
            placed = unique;
        } else {
            placed = unique
                    .mapToPair(r -> new Tuple2<>(CostPartitioner.key(r.record().sequence().length(),
                            r.record().id()), r))
                    .partitionBy(new CostPartitioner(lengths, partitions))
                    .values();
        }
        long pairs = aligned * references.ids().size() * (bothStrands ? 2 : 1);
        String description = "aligning " + aligned + " queries against " + references.ids().size()
                + " references in " + partitions + " tasks";
        String records = run.output().scratch(RECORDS).toString();
        Map<Integer, AlignRun.PartitionDone> recorded = PartitionRecords.read(records, AlignRun.PartitionDone.class,
                jsc.hadoopConfiguration());
        Set<Integer> reused = run.output().reuse(AlignmentsSchema.TABLE, recorded.keySet());
        long alignmentRows = run.writeAlignments(spark, run.aligned(placed, reused, records), description, "pairs",
                pairs, run.pairsDone());
        for (int partition : reused) {
            alignmentRows += recorded.get(partition).rows();
        }
        run.output().noteReuse(AlignmentsSchema.TABLE, reused.size(), partitions);
        checked.unpersist(false);
        return new QueryCounts(read, aligned, rejected, partitions, inPlace ? 0 : aligned, 2, alignmentRows,
                rejectRows);
    }

    /**
     * The id hashes that occur more than once among the valid records: from the tally's hashes, or, when there were
     * too many to bring to the driver, counted by the executors over the valid records.
     */
    static Set<Long> repeatedIdHashes(QueryTally tally, Supplier<JavaRDD<SourcedRecord>> valid) {
        if (tally.hasHashes()) {
            return Arrays.stream(tally.repeatedHashes()).boxed().collect(Collectors.toSet());
        }
        return new HashSet<>(valid.get().mapToPair(r -> new Tuple2<>(IdHash.of(r.record().id()), 1L))
                .reduceByKey(Long::sum).filter(c -> c._2() > 1).keys().collect());
    }

    private static SourcedRecord first(Iterable<SourcedRecord> group) {
        SourcedRecord first = null;
        for (SourcedRecord r : group) {
            if (first == null || SourcedRecord.compareByOrigin(r, first) < 0) {
                first = r;
            }
        }
        return first;
    }

    private static List<Reject> later(Iterable<SourcedRecord> group) {
        SourcedRecord first = first(group);
        List<Reject> rejects = new ArrayList<>();
        for (SourcedRecord r : group) {
            if (r != first) {
                rejects.add(r.reject(duplicate(first)));
            }
        }
        return rejects;
    }

    /** The reason of a later record with the id of {@code first}: where the first is, by line in a file. */
    static String duplicate(SourcedRecord first) {
        SequenceRecord r = first.record();
        return "duplicate id (first in " + first.source() + (r.line() > 0 ? " at line " + r.line()
                : " at row " + r.recordNumber()) + ")";
    }

    private static int partitions(AlignOptions o, Map<Integer, Long> lengths, ReferenceSet references, int cores) {
        if (o.partitions() > 0) {
            return o.partitions();
        }
        double cells = 0;
        for (Map.Entry<Integer, Long> e : lengths.entrySet()) {
            cells += (double) e.getKey() * e.getValue() * references.residues() * (o.bothStrands() ? 2 : 1);
        }
        long queries = lengths.values().stream().mapToLong(Long::longValue).sum();
        return (int) Math.max(1, Math.min(Math.max(queries, 1), TaskSizing.tasksFor(cells, cores)));
    }
}
