package org.biospark.spark.gsea;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.biospark.spark.run.CostGroups;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.PartitionRecords;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.RejectParts;
import org.biospark.spark.run.RejectsSchema;

/**
 * The gsea job's usual plan, for at least about {@value GseaJob#TASKS_PER_CORE} datasets per core: the datasets are
 * dealt into about that many tasks per core, of about equal total file size ({@link CostGroups}), since a task
 * per dataset would make small datasets pay for a task's fixed costs each. Each dataset's task reads its file once
 * (so a ranked list or matrix travels once, to one executor), checks it, prepares it, computes every permutation
 * and all statistics, and writes its rows. Its rejects are set aside in the run's scratch directory
 * ({@link RejectParts}) and read back for {@code rejects/} after the results; its accounting reaches the driver by
 * an accumulator. A malformed file stops the run when its task reads it.
 */
final class WholeDatasets {
    /** A dataset and its place in the run, which names the rejects it sets aside. */
    record Indexed(int index, GseaInputs.Source source) implements Serializable {
    }

    /** What one task did, recorded beside its output for a resumed run: its datasets' accounting and its rows. */
    record GroupDone(List<GseaTasks.Summary> summaries, long rows) implements Serializable {
    }

    /** The scratch directory of the tasks' records. */
    static final String RECORDS = "gsea-datasets";

    private WholeDatasets() {
    }

    static GseaRun.Outcome run(GseaRun run, int tasks) {
        JavaSparkContext jsc = run.jsc();
        List<GseaInputs.Source> sources = run.inputs().sources();
        // setting a dataset's rejects aside is cheaper than reading the dataset again to write them
        String parts = run.output().scratch(RejectsSchema.TABLE).toString();
        List<List<Indexed>> groups = new ArrayList<>();
        for (List<Integer> group : CostGroups.assign(
                sources.stream().mapToLong(GseaInputs.Source::bytes).toArray(), tasks)) {
            groups.add(group.stream().map(d -> new Indexed(d, sources.get(d))).toList());
        }
        CollectionAccumulator<GseaTasks.Summary> summaries = jsc.sc().collectionAccumulator("datasets");
        Broadcast<GseaTasks.Shared> sets = run.sets();
        Broadcast<HadoopConf> conf = run.conf();
        GseaTasks.Settings settings = run.settings();
        GseaOptions options = run.options();
        String records = run.output().scratch(RECORDS).toString();
        Map<Integer, GroupDone> recorded = PartitionRecords.read(records, GroupDone.class, jsc.hadoopConfiguration());
        Set<Integer> reused = run.output().reuse(GseaSchema.TABLE, recorded.keySet());
        JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).mapPartitionsWithIndex((task, group) ->
                reused.contains(task) ? Collections.emptyIterator()
                        : analyse(task, group.next(), sets.value(), settings, options, conf.value(), parts, summaries,
                                records), false);
        run.writeResults(rows);
        List<GseaTasks.Summary> all = new ArrayList<>(summaries.value());
        for (int task : reused) {
            all.addAll(recorded.get(task).summaries());
            run.reusedRows(recorded.get(task).rows());
        }
        run.output().noteReuse(GseaSchema.TABLE, reused.size(), groups.size());

        List<GseaTasks.Summary> ordered = inDatasetOrder(all, sources);
        List<Integer> withRejects = new ArrayList<>();
        for (int d = 0; d < ordered.size(); d++) {
            if (ordered.get(d).rejects() > 0) {
                withRejects.add(d);
            }
        }
        JavaRDD<Reject> rejects = withRejects.isEmpty() ? jsc.emptyRDD()
                : jsc.parallelize(withRejects, Math.min(withRejects.size(), jsc.defaultParallelism()))
                        .flatMap(d -> RejectParts.read(parts, d, conf.value().value()).iterator());
        return new GseaRun.Outcome(ordered, rejects);
    }

    /**
     * Executor side: the datasets of one task, each whole, as the write consumes their rows; their rejects set
     * aside, their accounting sent to the driver and, once the last row is taken, recorded with the task's row
     * count in {@code records}.
     */
    private static Iterator<Row> analyse(int task, List<Indexed> group, GseaTasks.Shared shared,
                                         GseaTasks.Settings settings, GseaOptions options, HadoopConf conf,
                                         String parts, CollectionAccumulator<GseaTasks.Summary> summaries,
                                         String records) {
        long attempt = TaskContext.get().taskAttemptId();
        Iterator<Indexed> datasets = group.iterator();
        List<GseaTasks.Summary> done = new ArrayList<>();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();
            private long rows;
            private boolean recorded;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!datasets.hasNext()) {
                        if (!recorded) {
                            recorded = true;
                            PartitionRecords.write(records, task, attempt, new GroupDone(List.copyOf(done), rows),
                                    conf.value());
                        }
                        return false;
                    }
                    Indexed d = datasets.next();
                    GseaTasks.Analysed a = GseaTasks.analyse(d.source(), shared, settings, options, conf);
                    if (!a.checked().rejects().isEmpty()) {
                        RejectParts.write(parts, d.index(), attempt, a.checked().rejects(), conf.value());
                    }
                    done.add(a.checked().summary());
                    summaries.add(a.checked().summary());
                    current = a.rows().iterator();
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                rows++;
                return current.next();
            }
        };
    }

    /** The summaries the tasks sent, in the order of the datasets (tasks finish in any order). */
    static List<GseaTasks.Summary> inDatasetOrder(List<GseaTasks.Summary> summaries,
                                                  List<GseaInputs.Source> sources) {
        Map<String, GseaTasks.Summary> byName = new HashMap<>();
        for (GseaTasks.Summary s : summaries) {
            if (byName.put(s.dataset(), s) != null) {
                throw new IllegalStateException("dataset " + s.dataset() + " was counted twice");
            }
        }
        List<GseaTasks.Summary> ordered = new ArrayList<>();
        for (GseaInputs.Source source : sources) {
            GseaTasks.Summary s = byName.get(source.name());
            if (s == null) {
                throw new IllegalStateException("dataset " + source.name() + " was not counted");
            }
            ordered.add(s);
        }
        return ordered;
    }
}
