package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.spark.run.Reject;

import scala.Tuple2;

/**
 * The gsea job's plan for few datasets and many cores: each dataset is read and prepared on the driver and
 * broadcast, its permutations computed in blocks by separate tasks, and the blocks joined by dataset for the
 * statistics that need all permutations and all sets (NES, p, BH, FDR q, FWER); the multilevel estimates those
 * ask for are spread over tasks again. Every permutation has its own random stream, so the numbers equal those of
 * one task per dataset.
 */
final class PermutationBlocks {
    /** Fewest permutations in a block (smaller ones cost more to ship than to compute). */
    static final int MIN_BLOCK = 50;

    private PermutationBlocks() {
    }

    static GseaRun.Outcome run(GseaRun run, int blocks) {
        JavaSparkContext jsc = run.jsc();
        Configuration conf = jsc.hadoopConfiguration();
        List<Reject> rejects = new ArrayList<>();
        List<GseaTasks.Summary> summaries = new ArrayList<>();
        List<Broadcast<PreparedDataset.Permutable>> prepared = new ArrayList<>();
        for (GseaInputs.Source source : run.inputs().sources()) {
            Datasets.Read read = Datasets.read(source, run.options(), conf);
            GseaTasks.Checked checked = GseaTasks.checked(source, read, run.shared(), run.options());
            rejects.addAll(checked.rejects());
            summaries.add(checked.summary());
            if (read.input() != null && checked.summary().tested() > 0) {
                // only the permutation methods are split into blocks; a dataset with no set to test has no rows
                prepared.add(jsc.broadcast((PreparedDataset.Permutable) read.input().prepare(run.shared(),
                        run.settings())));
            }
        }
        run.writeResults(rows(jsc, List.copyOf(prepared), blocks, run.settings()));
        return new GseaRun.Outcome(summaries, jsc.parallelize(rejects, 1));
    }

    /** The permutations of every dataset in blocks, joined for the statistics, and the multilevel estimates. */
    private static JavaRDD<Row> rows(JavaSparkContext jsc, List<Broadcast<PreparedDataset.Permutable>> shipped,
                                     int blocks, GseaTasks.Settings settings) {
        List<GseaTasks.Unit> pieces = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int d = 0; d < shipped.size(); d++) {
            int total = shipped.get(d).value().permutations();
            counts.add(total);
            int split = Math.max(1, Math.min(blocks, total / MIN_BLOCK));
            for (int b = 0; b < split; b++) {
                pieces.add(new GseaTasks.Unit(d, (int) ((long) total * b / split),
                        (int) ((long) total * (b + 1) / split)));
            }
        }
        if (pieces.isEmpty()) {
            return jsc.emptyRDD();
        }
        List<Integer> permutations = List.copyOf(counts);
        int tasks = pieces.size();
        JavaPairRDD<Integer, PrerankedGsea.Permuted<GeneSetKey>> permuted = jsc.parallelize(pieces, tasks)
                .mapToPair(u -> new Tuple2<>(u.dataset(), new GseaTasks.NullBlock(u.from(), u.to(),
                        shipped.get(u.dataset()).value().nulls(settings, u.from(), u.to()))))
                .groupByKey(shipped.size())
                .mapToPair(g -> new Tuple2<>(g._1(), shipped.get(g._1()).value().permuted(
                        GseaTasks.join(g._2(), permutations.get(g._1())), settings)))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        // multilevel estimates, one per (dataset, set size, side), spread over tasks like the permutations were
        JavaPairRDD<Integer, PrerankedGsea.MultilevelOutcome> outcomes = permuted
                .flatMapToPair(d -> d._2().multilevel().stream()
                        .map(task -> new Tuple2<>(d._1(), task)).iterator())
                .repartition(tasks)
                .mapToPair(t -> new Tuple2<>(t._1(), shipped.get(t._1()).value().estimate(t._2(), settings)));
        return permuted.cogroup(outcomes).flatMap(d -> {
            PrerankedGsea.Permuted<GeneSetKey> p = d._2()._1().iterator().next();
            List<PrerankedGsea.MultilevelOutcome> estimates = new ArrayList<>();
            d._2()._2().forEach(estimates::add);
            PreparedDataset.Permutable dataset = shipped.get(d._1()).value();
            return GseaTasks.rows(dataset.name(), dataset.method(),
                    PrerankedGsea.withEstimates(p.results(), estimates)).iterator();
        });
    }
}
