package org.biospark.spark.align;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.biospark.align.ScoreMatrix;
import org.biospark.io.InvalidInputException;
import org.biospark.io.SplitReading;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.PartitionRecords;
import org.biospark.spark.run.Reject;

/**
 * The align job's one-pass plan, for query input whose splits are balanced by cost before anything is read: plain
 * files cut into byte ranges (or small plain files) of about equal size, since a split's cost is its residues times
 * the references'. Each task reads one split, checks its records, aligns the valid ones and tallies what it read;
 * the driver learns the counts when the alignments are written. No counting pass, no persisted records, no job
 * before the alignment.
 *
 * <p>What {@link AlignByCost} settles before aligning comes after: the splits are numbered from what their readers
 * read, and only splits that held invalid records are read again, numbered, for {@code rejects/}. A format error is
 * renumbered as a line of the whole file by the task that meets it. Repeated ids are the one case this plan cannot
 * finish: the rows of a later duplicate would have to go, so it drops its alignments and gives way to
 * {@link AlignByCost} (a run with duplicate ids costs one pass more; its results are the same).
 */
final class AlignInPlace {
    /** The Spark setting that turns this plan off ({@code false}), for comparisons. */
    static final String ENABLED_KEY = "spark.biospark.align.onePass";

    /** What the plan did: aligned the queries and wrote both tables, or found repeated ids and wrote nothing. */
    sealed interface Outcome permits Aligned, RepeatedIds {
    }

    /** Both tables written; what became of the query records. */
    record Aligned(QueryCounts counts) implements Outcome {
    }

    /** The queries repeat an id: nothing written, the run needs {@link AlignByCost}. */
    record RepeatedIds() implements Outcome {
    }

    /** What one task read and found. */
    record SplitTally(int partition, QueryTally tally, SplitReading reading) implements Serializable {
    }

    /** What one task did, recorded beside its output for a resumed run: its tally, rows and pairs. */
    record SplitDone(SplitTally tally, long rows, long pairs) implements Serializable {
    }

    /** The scratch directory of the tasks' records. */
    static final String RECORDS = "align-in-place";

    private AlignInPlace() {
    }

    /**
     * Whether the splits can be aligned where they are read: no partition count given, no gzip file (its size says
     * little about its residues), and split sizes balanced as {@link TaskSizing#balancedEnough} asks of residues.
     */
    static boolean suits(SparkSession spark, AlignOptions o, List<FileSplit> splits, ReferenceSet references,
                         int cores) {
        if (!Boolean.parseBoolean(spark.conf().get(ENABLED_KEY, "true")) || o.partitions() > 0 || splits.isEmpty()
                || splits.stream().anyMatch(FileSplit::gzip)) {
            return false;
        }
        long[] bytes = splits.stream().mapToLong(s -> s.end() - s.start()).toArray();
        double cells = (double) Arrays.stream(bytes).sum() * references.residues() * (o.bothStrands() ? 2 : 1);
        return TaskSizing.balancedEnough(bytes, TaskSizing.tasksFor(cells, cores));
    }

    /** Aligns and writes both tables, unless the queries repeat an id. */
    static Outcome run(SparkSession spark, AlignRun run, QuerySplits splits) {
        JavaSparkContext jsc = run.jsc();
        List<FileSplit> list = splits.splits();
        int count = list.size();
        CollectionAccumulator<SplitTally> tallies = jsc.sc().collectionAccumulator("query tallies");
        LongAccumulator bytesDone = jsc.sc().longAccumulator("query bytes aligned");
        long bytes = list.stream().mapToLong(s -> s.end() - s.start()).sum();
        Broadcast<HadoopConf> conf = splits.conf();
        Broadcast<ReferenceSet> references = run.references();
        AlignSettings settings = run.settings();
        long hashLimit = run.idHashLimit();
        LongAccumulator pairsDone = run.pairsDone();
        String records = run.output().scratch(RECORDS).toString();
        Map<Integer, SplitDone> recorded = PartitionRecords.read(records, SplitDone.class, jsc.hadoopConfiguration());
        Set<Integer> reused = run.output().reuse(AlignmentsSchema.TABLE, recorded.keySet());
        JavaRDD<Row> rows = jsc.parallelize(list, count).mapPartitionsWithIndex((partition, split) ->
                reused.contains(partition) ? java.util.Collections.emptyIterator()
                        : alignSplit(partition, split.next(), conf.value(), references.value(), settings, count,
                                hashLimit, tallies, pairsDone, bytesDone, records), false);
        long alignmentRows = run.writeAlignments(spark, rows, "reading, checking and aligning the queries of "
                + count + " splits", "query bytes", bytes, bytesDone);
        List<SplitTally> all = new ArrayList<>(tallies.value());
        long reusedPairs = 0;
        for (int partition : reused) {
            SplitDone done = recorded.get(partition);
            all.add(done.tally());
            alignmentRows += done.rows();
            reusedPairs += done.pairs();
        }
        run.output().noteReuse(AlignmentsSchema.TABLE, reused.size(), count);

        List<SplitTally> bySplit = inSplitOrder(all, count);
        QueryTally tally = QueryTally.merge(bySplit.stream().map(SplitTally::tally).toList());
        List<FileSplit> numbered = splits.numberedFromReadings(bySplit.stream().map(SplitTally::reading).toList());
        ScoreMatrix matrix = settings.scoring().matrix();
        boolean bothStrands = settings.bothStrands();
        Set<Long> repeated = AlignByCost.repeatedIdHashes(tally, () -> splits.read(jsc, numbered)
                .filter(r -> QueryChecks.problem(r.record(), matrix, bothStrands) == null));
        if (!repeated.isEmpty()) {
            // the other plan's partitions differ: neither its output nor its records may be reused
            run.output().discardTable(AlignmentsSchema.TABLE);
            run.output().discardScratch(RECORDS);
            return new RepeatedIds();
        }
        long strands = bothStrands ? 2 : 1;
        long pairs = tally.valid() * references.value().ids().size() * strands;
        if (pairsDone.value() + reusedPairs != pairs) {
            throw new IllegalStateException("the tasks aligned " + (pairsDone.value() + reusedPairs)
                    + " pairs, the tally says " + pairs);
        }

        jsc.setJobDescription("align: rejects");
        List<FileSplit> withInvalid = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (bySplit.get(i).tally().invalid() > 0) {
                withInvalid.add(numbered.get(i));
            }
        }
        JavaRDD<Reject> rejects = withInvalid.isEmpty() ? jsc.emptyRDD() : splits.read(jsc, withInvalid)
                .map(r -> {
                    String problem = QueryChecks.problem(r.record(), matrix, bothStrands);
                    return problem == null ? null : r.reject(problem);
                })
                .filter(r -> r != null);
        long rejectRows = run.writeRejects(spark, rejects);
        return new Aligned(new QueryCounts(tally.read(), tally.valid(), tally.invalid(), count, 0, 1, alignmentRows,
                rejectRows));
    }

    /**
     * Executor side: reads, checks and aligns one split; its tally goes to the driver through the accumulator, and
     * is recorded with its rows and pairs in {@code records} for a resumed run.
     */
    static Iterator<Row> alignSplit(int partition, FileSplit split, HadoopConf conf, ReferenceSet references,
                                    AlignSettings settings, int partitions, long hashLimit,
                                    CollectionAccumulator<SplitTally> tallies, LongAccumulator pairsDone,
                                    LongAccumulator bytesDone, String records) throws IOException {
        KernelWarmUp.start(settings, references);
        ScoreMatrix matrix = settings.scoring().matrix();
        QueryTally.Builder tally = new QueryTally.Builder();
        List<SourcedRecord> valid;
        QuerySplits.SplitRecords reader = QuerySplits.records(split, conf);
        try {
            valid = tally.addChecked(reader, matrix, settings.bothStrands());
        } catch (InvalidInputException e) {
            throw QuerySplits.numberedInFile(e, split, conf);
        }
        List<Row> rows = AlignTask.rows(valid.iterator(), references, settings, pairsDone);
        SplitTally splitTally = new SplitTally(partition, tally.build(partitions, hashLimit), reader.reading());
        long pairs = (long) valid.size() * settings.pairsPerQuery(references);
        PartitionRecords.write(records, partition, TaskContext.get().taskAttemptId(),
                new SplitDone(splitTally, rows.size(), pairs), conf.value());
        tallies.add(splitTally);
        bytesDone.add(split.end() - split.start());
        return rows.iterator();
    }

    /** One tally per split, in split order (a task that ran twice counts once). */
    private static List<SplitTally> inSplitOrder(List<SplitTally> tallies, int count) {
        Map<Integer, SplitTally> bySplit = new TreeMap<>();
        for (SplitTally t : tallies) {
            bySplit.putIfAbsent(t.partition(), t);
        }
        if (bySplit.size() != count) {
            throw new IllegalStateException(bySplit.size() + " of " + count + " splits reported what they read");
        }
        List<SplitTally> ordered = new ArrayList<>(bySplit.values());
        ordered.sort(Comparator.comparingInt(SplitTally::partition));
        return ordered;
    }
}
