package org.biospark.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.biospark.UsageException;
import org.biospark.geneset.OverRepresentation;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.geneset.RankingMetric;

import scala.Tuple2;

/**
 * {@code gsea}: many datasets against many gene-set collections on Spark, one Parquet table.
 * <p>
 * The driver reads the gene sets (bad lines to {@code rejects/}), broadcasts them once, and lists the dataset files.
 * The work is (dataset x block of permutations), sized so that one dataset with 20,000 sets and 1,000 datasets of
 * 50 sets both keep every core busy:
 * <ul>
 * <li>With at least about {@value #TASKS_PER_CORE} datasets per core (the usual case), the datasets are dealt into
 * about that many tasks per core, of about equal total file size ({@link CostGroups}: a task per dataset cost the
 * benchmark of 100 small datasets a fifth of its time in per-task work). Each dataset's task reads its file once
 * (so a ranked list or matrix travels once, to one executor), checks it, prepares it, computes every permutation
 * (gene-set permutation nulls once per set size, for all its sets) and all statistics, and writes its rows. Its
 * rejects (bad lines, the sets the size filter drops, every set's genes missing from the dataset) are set aside in
 * the run's scratch directory ({@link RejectParts}) and written to {@code rejects/} after the results; its
 * accounting reaches the driver by an accumulator. A malformed file stops the run when its task reads it.</li>
 * <li>With fewer datasets, the driver reads and prepares each one, broadcasts it, splits its permutations into
 * blocks computed by separate tasks, and joins the blocks by dataset for the statistics that need all permutations
 * and all sets (NES, p, BH, FDR q, FWER, multilevel p).</li>
 * </ul>
 * Every permutation has its own random stream from (seed, permutation), so the results are the same at any
 * parallelism, however the permutations are split, and equal to running each dataset alone.
 */
public final class GseaJob {
    /** Tasks per core the automatic block count aims at. */
    static final int TASKS_PER_CORE = 3;
    /** Fewest permutations in a block (smaller ones cost more to ship than to compute). */
    static final int MIN_BLOCK = 50;

    private GseaJob() {
    }

    public static GseaRunResult run(SparkSession spark, GseaOptions o) {
        String method = method(o);
        GseaTasks.Settings settings = settings(o);
        RunManifest manifest = new RunManifest("gsea", spark);
        try (RunOutput output = RunOutput.open(spark, o.out(), o.overwrite())) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            jsc.setJobDescription("gsea: reading the gene sets");
            GseaInputs inputs = GseaInputs.open(o, method, conf);
            record(manifest, o, method, inputs, conf);
            GseaTasks.Shared shared = new GseaTasks.Shared(inputs.allSets(), List.copyOf(inputs.collections),
                    inputs.universe);
            Broadcast<GseaTasks.Shared> sharedBroadcast = jsc.broadcast(shared);
            // once per executor, not once per task: a Hadoop configuration takes tens of milliseconds to deserialize
            Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
            int datasets = inputs.sources.size();
            int wanted = o.partitions() > 0 ? o.partitions() : TASKS_PER_CORE * jsc.defaultParallelism();
            int blocks = method.equals("ora") ? 1
                    : Math.max(1, Math.min((wanted + datasets - 1) / datasets, o.permutations() / MIN_BLOCK));
            jsc.setJobDescription("gsea: " + datasets + " datasets x " + shared.sets().size() + " gene sets ("
                    + method + (blocks > 1 ? ", " + blocks + " permutation blocks each" : "") + ")");
            CollectionAccumulator<GseaTasks.Summary> summaryAccumulator = jsc.sc().collectionAccumulator("datasets");
            LongAccumulator rowCount = jsc.sc().longAccumulator("gsea rows");
            LongAccumulator rejectCount = jsc.sc().longAccumulator("rejects");
            List<GseaTasks.Summary> summaries = new ArrayList<>();
            JavaRDD<Reject> rejectRecords;
            if (blocks == 1) {
                // the usual case: every dataset is read once, checked and analysed by its task, which sets its
                // rejects aside for the rejects table (reading a dataset again cost more than setting them aside)
                String parts = output.scratch(RejectsSchema.TABLE).toString();
                // a task per group of datasets of about equal size, about TASKS_PER_CORE per core, rather than one
                // per dataset: every task deserializes the writer's Hadoop configuration and commits its files
                List<List<IndexedSource>> groups = new ArrayList<>();
                for (List<Integer> group : CostGroups.assign(
                        inputs.sources.stream().mapToLong(GseaInputs.Source::bytes).toArray(), wanted)) {
                    groups.add(group.stream().map(d -> new IndexedSource(d, inputs.sources.get(d))).toList());
                }
                JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).flatMap(group -> group.stream()
                        .flatMap(d -> {
                            GseaTasks.Analysed a = GseaTasks.analyse(d.source(), sharedBroadcast.value(), settings,
                                    o, hadoop.value());
                            if (!a.checked().rejects().isEmpty()) {
                                RejectParts.write(parts, d.index(),
                                        org.apache.spark.TaskContext.get().taskAttemptId(), a.checked().rejects(),
                                        hadoop.value().value());
                            }
                            summaryAccumulator.add(a.checked().summary());
                            return a.rows().stream();
                        }).iterator());
                writeResults(output, spark, rows, rowCount);
                summaries.addAll(inDatasetOrder(summaryAccumulator.value(), inputs.sources));
                List<Integer> withRejects = new ArrayList<>();
                for (int d = 0; d < datasets; d++) {
                    if (summaries.get(d).rejects() > 0) {
                        withRejects.add(d);
                    }
                }
                rejectRecords = withRejects.isEmpty() ? jsc.emptyRDD()
                        : jsc.parallelize(withRejects, Math.min(withRejects.size(), jsc.defaultParallelism()))
                                .flatMap(d -> RejectParts.read(parts, d, hadoop.value().value()).iterator());
            } else {
                List<Reject> driverRejects = new ArrayList<>();
                JavaRDD<Row> rows = splitDatasets(jsc, inputs, shared, settings, o, blocks, driverRejects, summaries);
                writeResults(output, spark, rows, rowCount);
                rejectRecords = jsc.parallelize(driverRejects, 1);
            }
            // a few files, not one per dataset: each Parquet file costs tens of milliseconds to open and close
            output.writeTable(RejectsSchema.TABLE, spark.createDataFrame(
                    rejectRecords.union(jsc.parallelize(inputs.rejects, 1))
                            .coalesce(Math.max(1, jsc.defaultParallelism())).map(r -> {
                        rejectCount.add(1);
                        return r.toRow();
                    }), RejectsSchema.SCHEMA));
            long rejects = rejectCount.value();

            long tested = summaries.stream().mapToLong(GseaTasks.Summary::tested).sum();
            long written = rowCount.value();
            if (written != tested) {
                throw new IllegalStateException("gene-set accounting broken: " + tested + " sets passed the filter, "
                        + written + " rows were written: this is a bug");
            }
            List<String> warnings = summaries.stream().flatMap(x -> x.warnings().stream()).toList();
            manifest.count("datasets", datasets)
                    .count("datasets_left_out", summaries.stream().filter(GseaTasks.Summary::left).count())
                    .count("collections", inputs.collections.size())
                    .count("gene_set_lines", inputs.geneSetsRead)
                    .count("gene_sets", shared.sets().size())
                    .count("dataset_lines", summaries.stream().mapToLong(GseaTasks.Summary::lines).sum())
                    .count("dataset_lines_used", summaries.stream().mapToLong(GseaTasks.Summary::used).sum())
                    .count("sets_tested", tested)
                    .count("sets_filtered", summaries.stream().mapToLong(GseaTasks.Summary::filtered).sum())
                    .count("permutation_blocks", blocks)
                    .count(GseaSchema.TABLE, written)
                    .count(RejectsSchema.TABLE, rejects)
                    .summary("warnings", warnings)
                    .finish();
            output.writeManifest(manifest);
            output.commit();
            return new GseaRunResult(output.directory().toString(), () -> output.readTable(GseaSchema.TABLE),
                    () -> output.readTable(RejectsSchema.TABLE, RejectsSchema.SCHEMA), manifest.counts(), warnings);
        }
    }

    /** A dataset and its place in the run, which names the rejects it sets aside. */
    record IndexedSource(int index, GseaInputs.Source source) implements java.io.Serializable {
    }

    private static void writeResults(RunOutput output, SparkSession spark, JavaRDD<Row> rows, LongAccumulator count) {
        output.writeTable(GseaSchema.TABLE, spark.createDataFrame(rows.map(r -> {
            count.add(1);
            return r;
        }), GseaSchema.SCHEMA), GseaSchema.DATASET.name());
    }

    /** The summaries the tasks sent, in the order of the datasets (tasks finish in any order). */
    static List<GseaTasks.Summary> inDatasetOrder(List<GseaTasks.Summary> summaries, List<GseaInputs.Source> sources) {
        java.util.Map<String, GseaTasks.Summary> byName = new java.util.HashMap<>();
        for (GseaTasks.Summary s : summaries) {
            if (byName.put(s.dataset(), s) != null) {
                throw new IllegalStateException("dataset " + s.dataset() + " was counted twice: this is a bug");
            }
        }
        List<GseaTasks.Summary> ordered = new ArrayList<>();
        for (GseaInputs.Source source : sources) {
            GseaTasks.Summary s = byName.get(source.name());
            if (s == null) {
                throw new IllegalStateException("dataset " + source.name() + " was not counted: this is a bug");
            }
            ordered.add(s);
        }
        return ordered;
    }

    /**
     * Few datasets, many cores: each dataset is read and prepared on the driver and broadcast, its permutations
     * computed in {@code blocks} tasks, and the blocks joined by dataset for the statistics.
     */
    private static JavaRDD<Row> splitDatasets(JavaSparkContext jsc, GseaInputs inputs, GseaTasks.Shared shared,
                                              GseaTasks.Settings settings, GseaOptions o, int blocks,
                                              List<Reject> rejects, List<GseaTasks.Summary> summaries) {
        List<String> names = new ArrayList<>();
        List<Broadcast<Object>> prepared = new ArrayList<>();
        List<Integer> permutations = new ArrayList<>();
        Configuration conf = jsc.hadoopConfiguration();
        for (GseaInputs.Source source : inputs.sources) {
            GseaInputs.Read read = GseaInputs.read(source, o, conf);
            GseaTasks.Checked checked = GseaTasks.checked(source, read, shared, o);
            rejects.addAll(checked.rejects());
            summaries.add(checked.summary());
            GseaTasks.Ready ready = read.input() == null ? null : GseaTasks.ready(read.input(), shared, settings, o);
            if (ready != null) {
                names.add(ready.name());
                prepared.add(jsc.broadcast(ready.prepared()));
                permutations.add(ready.permutations());
            }
        }
        List<GseaTasks.Unit> pieces = new ArrayList<>();
        for (int d = 0; d < names.size(); d++) {
            int total = permutations.get(d);
            int split = Math.max(1, Math.min(blocks, total / MIN_BLOCK));
            for (int b = 0; b < split; b++) {
                pieces.add(new GseaTasks.Unit(d, (int) ((long) total * b / split),
                        (int) ((long) total * (b + 1) / split)));
            }
        }
        List<String> datasetNames = List.copyOf(names);
        List<Broadcast<Object>> shipped = List.copyOf(prepared);
        List<Integer> counts = List.copyOf(permutations);
        if (pieces.isEmpty()) {
            return jsc.emptyRDD();
        }
        int tasks = pieces.size();
        JavaPairRDD<Integer, PrerankedGsea.Permuted> permuted = jsc.parallelize(pieces, pieces.size())
                .mapToPair(u -> new Tuple2<>(u.dataset(), new GseaTasks.NullBlock(u.from(),
                        GseaTasks.nulls(shipped.get(u.dataset()).value(), settings, u.from(), u.to()))))
                .groupByKey(names.size())
                .mapToPair(g -> new Tuple2<>(g._1(), GseaTasks.permuted(shipped.get(g._1()).value(),
                        GseaTasks.join(g._2(), counts.get(g._1())), settings)))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        // multilevel estimates, one per (dataset, set size, side), spread over tasks like the permutations were
        JavaPairRDD<Integer, PrerankedGsea.MultilevelOutcome> outcomes = permuted
                .flatMapToPair(d -> d._2().multilevel().stream()
                        .map(task -> new Tuple2<>(d._1(), task)).iterator())
                .repartition(tasks)
                .mapToPair(t -> new Tuple2<>(t._1(), PrerankedGsea.estimate(
                        (PrerankedGsea.Prepared) shipped.get(t._1()).value(), t._2(), settings.preranked())));
        return permuted.cogroup(outcomes).flatMap(d -> {
            PrerankedGsea.Permuted p = d._2()._1().iterator().next();
            List<PrerankedGsea.MultilevelOutcome> estimates = new ArrayList<>();
            d._2()._2().forEach(estimates::add);
            String method = shipped.get(d._1()).value() instanceof PrerankedGsea.Prepared ? "preranked" : "phenotype";
            return GseaTasks.rows(datasetNames.get(d._1()), method,
                    PrerankedGsea.withEstimates(p.results(), estimates)).iterator();
        });
    }

    /** The method: as given, or from the inputs (exactly one kind must be given). */
    static String method(GseaOptions o) {
        List<String> given = new ArrayList<>();
        if (!o.ranks().isEmpty()) {
            given.add("preranked");
        }
        if (!o.expression().isEmpty() || !o.labels().isEmpty()) {
            given.add("phenotype");
        }
        if (!o.genes().isEmpty()) {
            given.add("ora");
        }
        if (given.size() != 1) {
            throw new UsageException("give exactly one kind of dataset: --ranks (preranked), --expression with"
                    + " --labels (phenotype) or --genes (ora)" + (given.isEmpty() ? "" : "; given: " + given));
        }
        String method = o.method() == null ? given.get(0) : o.method().toLowerCase(java.util.Locale.ROOT);
        if (!method.equals(given.get(0))) {
            throw new UsageException("--method " + method + " needs " + switch (method) {
                case "preranked" -> "--ranks";
                case "phenotype" -> "--expression and --labels";
                case "ora" -> "--genes";
                default -> "one of preranked, phenotype, ora";
            } + ", not the inputs given for " + given.get(0));
        }
        if (o.universe() != null && !method.equals("ora")) {
            throw new UsageException("--universe is for --method ora");
        }
        if (o.multilevel() && !method.equals("preranked")) {
            throw new UsageException("--multilevel is for preranked GSEA");
        }
        return method;
    }

    static GseaTasks.Settings settings(GseaOptions o) {
        if (o.permutations() < 1) {
            throw new UsageException("--permutations must be at least 1: " + o.permutations());
        }
        if (o.minSize() < 1 || o.maxSize() < o.minSize()) {
            throw new UsageException("need 1 <= --min-size <= --max-size, not " + o.minSize() + ".." + o.maxSize());
        }
        if (!(o.weight() >= 0) || Double.isInfinite(o.weight())) {
            throw new UsageException("--weight must be a number >= 0: " + o.weight());
        }
        RankingMetric metric;
        try {
            metric = RankingMetric.valueOf(o.metric().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metric " + o.metric() + " is not one of "
                    + java.util.Arrays.toString(RankingMetric.values()).toLowerCase(java.util.Locale.ROOT));
        }
        return new GseaTasks.Settings(
                new PrerankedGsea.Options(o.weight(), o.permutations(), o.minSize(), o.maxSize(), o.seed(),
                        o.multilevel() ? PrerankedGsea.Multilevel.DEFAULT : null),
                new PhenotypeGsea.Options(metric, o.weight(), o.permutations(), o.minSize(), o.maxSize(), o.seed()),
                new OverRepresentation.Options(o.minSize(), o.maxSize()));
    }

    private static void record(RunManifest m, GseaOptions o, String method, GseaInputs inputs, Configuration conf) {
        m.parameter("method", method).parameter("permutations", o.permutations())
                .parameter("multilevel", o.multilevel()).parameter("min_size", o.minSize())
                .parameter("max_size", o.maxSize()).parameter("weight", o.weight()).parameter("metric", o.metric())
                .parameter("seed", o.seed()).parameter("collapse_duplicates", o.collapseDuplicates())
                .parameter("class_a", o.classA()).parameter("gene_sets", o.geneSets());
        for (String file : inputs.files) {
            try {
                m.input("input", file, new org.apache.hadoop.fs.Path(file).getFileSystem(conf));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
