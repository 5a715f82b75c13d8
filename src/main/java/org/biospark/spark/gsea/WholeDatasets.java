package org.biospark.spark.gsea;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.biospark.spark.run.CostGroups;
import org.biospark.spark.run.HadoopConf;
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
        JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).flatMap(group -> group.stream()
                .flatMap(d -> analyse(d, sets.value(), settings, options, conf.value(), parts, summaries))
                .iterator());
        run.writeResults(rows);

        List<GseaTasks.Summary> ordered = inDatasetOrder(summaries.value(), sources);
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

    /** Executor side: one dataset, whole; its rejects set aside, its accounting sent to the driver. */
    private static java.util.stream.Stream<Row> analyse(Indexed d, GseaTasks.Shared shared,
                                                        GseaTasks.Settings settings, GseaOptions options,
                                                        HadoopConf conf, String parts,
                                                        CollectionAccumulator<GseaTasks.Summary> summaries) {
        GseaTasks.Analysed a = GseaTasks.analyse(d.source(), shared, settings, options, conf);
        if (!a.checked().rejects().isEmpty()) {
            RejectParts.write(parts, d.index(), TaskContext.get().taskAttemptId(), a.checked().rejects(),
                    conf.value());
        }
        summaries.add(a.checked().summary());
        return a.rows().stream();
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
