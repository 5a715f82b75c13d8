package org.biospark.spark.align;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.biospark.align.ScoreMatrix;
import org.biospark.spark.run.Reject;

/**
 * The align job's one-pass plan for a table of queries whose scan partitions are balanced before anything is read
 * (their row counts, which a columnar scan gives from its metadata, stand for their cost, as a split's bytes do for
 * a file): each task reads its partition, checks each row, aligns the valid ones and tallies what it read, as
 * {@link AlignInPlace} does for files. Rejects are found by reading the table again only when some row was bad;
 * repeated ids make it give way to {@link AlignByCost}, which rejects each after its first.
 */
final class AlignTableInPlace {
    /** What one task read. */
    record PartitionTally(int partition, QueryTally tally) implements Serializable {
    }

    private AlignTableInPlace() {
    }

    /**
     * Whether the scan's partitions can be aligned where they are read: no partition count given, and rows spread
     * so that each core gets an equal share (the empty splits between row groups left aside).
     */
    static boolean suits(SparkSession spark, AlignOptions o, QueryTables.Scan scan, int cores) {
        if (!Boolean.parseBoolean(spark.conf().get(AlignInPlace.ENABLED_KEY, "true")) || o.partitions() > 0
                || o.resume()) {
            return false;
        }
        long[] rows = scan.rowsPerPartition().stream().mapToLong(Long::longValue).filter(n -> n > 0).toArray();
        return rows.length > 0 && TaskSizing.balancedEnough(rows, Math.max(cores, rows.length));
    }

    /** Aligns and writes both tables, or returns null, having written nothing, when the queries repeat an id. */
    static QueryCounts run(SparkSession spark, AlignRun run, QueryTables.Scan scan) {
        JavaSparkContext jsc = run.jsc();
        JavaRDD<SourcedRecord> records = scan.records();
        int count = records.getNumPartitions();
        CollectionAccumulator<PartitionTally> tallies = jsc.sc().collectionAccumulator("query tallies");
        Broadcast<ReferenceSet> references = run.references();
        AlignSettings settings = run.settings();
        long hashLimit = run.idHashLimit();
        LongAccumulator pairsDone = run.pairsDone();
        long total = scan.rowsPerPartition().stream().mapToLong(Long::longValue).sum(); // counted by suits
        JavaRDD<Row> rows = records.mapPartitionsWithIndex((partition, input) -> {
            KernelWarmUp.start(settings, references.value());
            QueryTally.Builder tally = new QueryTally.Builder();
            List<SourcedRecord> valid = tally.addChecked(input, settings.scoring().matrix(), settings.bothStrands());
            List<Row> out = AlignTask.rows(valid.iterator(), references.value(), settings, pairsDone);
            tallies.add(new PartitionTally(partition, tally.build(count, hashLimit)));
            return out.iterator();
        }, false);
        long strands = settings.bothStrands() ? 2 : 1;
        long alignmentRows = run.writeAlignments(spark, rows, "reading, checking and aligning the rows of " + count
                + " table partitions", "pairs", total * references.value().ids().size() * strands, pairsDone);
        QueryTally tally = QueryTally.merge(inPartitionOrder(tallies.value(), count));
        ScoreMatrix matrix = settings.scoring().matrix();
        boolean bothStrands = settings.bothStrands();
        Set<Long> repeated = AlignByCost.repeatedIdHashes(tally, () -> records
                .filter(r -> QueryChecks.problem(r.record(), matrix, bothStrands) == null));
        if (!repeated.isEmpty()) {
            run.output().discardTable(AlignmentsSchema.TABLE);
            return null;
        }
        long pairs = tally.valid() * references.value().ids().size() * strands;
        if (pairsDone.value() != pairs) {
            throw new IllegalStateException("the tasks aligned " + pairsDone.value() + " pairs, the tally says "
                    + pairs);
        }
        jsc.setJobDescription("align: rejects");
        JavaRDD<Reject> rejects = tally.invalid() == 0 ? jsc.emptyRDD() : records.map(r -> {
            String problem = QueryChecks.problem(r.record(), matrix, bothStrands);
            return problem == null ? null : r.reject(problem);
        }).filter(r -> r != null);
        long rejectRows = run.writeRejects(spark, rejects);
        return new QueryCounts(tally.read(), tally.valid(), tally.invalid(), count, 0, 1, alignmentRows,
                rejectRows);
    }

    /** One tally per partition, in partition order (a task that ran twice counts once). */
    private static List<QueryTally> inPartitionOrder(List<PartitionTally> tallies, int count) {
        Map<Integer, QueryTally> byPartition = new TreeMap<>();
        for (PartitionTally t : tallies) {
            byPartition.putIfAbsent(t.partition(), t.tally());
        }
        if (byPartition.size() != count) {
            throw new IllegalStateException(byPartition.size() + " of " + count + " partitions reported what they"
                    + " read");
        }
        return new ArrayList<>(byPartition.values());
    }
}
