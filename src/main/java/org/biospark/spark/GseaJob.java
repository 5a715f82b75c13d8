package org.biospark.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.geneset.OverRepresentation;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.geneset.RankedList;
import org.biospark.geneset.RankingMetric;

import scala.Tuple2;

/**
 * {@code gsea}: many datasets against many gene-set collections on Spark, one Parquet table.
 * <p>
 * The driver reads the inputs (bad lines to {@code rejects/}), prepares each dataset with the kernel (ranking, the
 * sets kept by the size filter; the sets dropped, and every set's genes missing from the dataset, to
 * {@code rejects/}) and broadcasts it. The work is (dataset x block of permutations): a dataset's permutations
 * are split into as many blocks as it takes to give every core several tasks, so that one dataset with 20,000 sets
 * and 1,000 datasets of 50 sets both keep the cluster busy; gene-set permutation nulls are computed once per
 * (dataset, set size) for all its sets. A dataset of one block is finished in its task; the blocks of a split
 * dataset are joined by dataset, and the statistics that need all permutations and all sets (NES, p, BH, FDR q,
 * FWER, multilevel p) are computed there. Every permutation has its own random stream from (seed, permutation),
 * so results are identical at any parallelism and identical to running each dataset alone.
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
            jsc.setJobDescription("gsea: reading inputs");
            GseaInputs inputs = GseaInputs.read(o, method, conf);
            record(manifest, o, method, inputs, conf);
            Map<String, List<String>> sets = inputs.allSets();
            List<Reject> rejects = new ArrayList<>(inputs.rejects);
            long filtered = 0;
            long tested = 0;

            List<String> names = new ArrayList<>();
            List<Broadcast<Object>> prepared = new ArrayList<>();
            List<Integer> permutations = new ArrayList<>();
            List<GseaInputs.GeneList> geneLists = new ArrayList<>();
            for (GseaInputs.DatasetInput d : inputs.datasets) {
                SetFilter filter;
                if (d instanceof GseaInputs.Ranked r) {
                    PrerankedGsea.Prepared p = PrerankedGsea.prepare(r.list(), sets, settings.preranked());
                    add(jsc, names, prepared, permutations, d.name(), p, o.permutations());
                    filter = new SetFilter(r.list()::rankOf, r.list().size());
                } else if (d instanceof GseaInputs.Expression e) {
                    PhenotypeGsea.Prepared p = PhenotypeGsea.prepare(e.genes(), e.values(), e.labels(), e.classA(),
                            sets, settings.phenotype());
                    add(jsc, names, prepared, permutations, d.name(), p, p.permutations());
                    RankedList observed = p.observed();
                    filter = new SetFilter(observed::rankOf, observed.size());
                } else {
                    geneLists.add((GseaInputs.GeneList) d);
                    java.util.Set<String> universe = new java.util.HashSet<>(inputs.universe);
                    filter = new SetFilter(gene -> universe.contains(gene) ? 0 : -1, Integer.MAX_VALUE);
                }
                long[] counts = filter.rejects(d.name(), inputs.collections, o.minSize(), o.maxSize(), rejects);
                tested += counts[0];
                filtered += counts[1];
            }

            jsc.setJobDescription("gsea: " + inputs.datasets.size() + " datasets x " + sets.size() + " gene sets ("
                    + method + ")");
            JavaRDD<Row> rows;
            if (method.equals("ora")) {
                Broadcast<Map<String, List<String>>> setsBroadcast = jsc.broadcast(sets);
                Broadcast<List<String>> universe = jsc.broadcast(inputs.universe);
                rows = jsc.parallelize(geneLists, Math.max(1, geneLists.size()))
                        .flatMap(g -> GseaTasks.ora(g.name(), g.genes(), universe.value(), setsBroadcast.value(),
                                settings).iterator());
            } else {
                rows = gseaRows(jsc, names, prepared, permutations, settings, o.partitions());
            }
            output.writeTable(GseaSchema.TABLE, spark.createDataFrame(rows, GseaSchema.SCHEMA), GseaSchema.DATASET.name());
            output.writeTable(RejectsSchema.TABLE,
                    spark.createDataFrame(jsc.parallelize(rejects, 1).map(Reject::toRow), RejectsSchema.SCHEMA));

            long written = output.rowCount(GseaSchema.TABLE);
            if (written != tested) {
                throw new IllegalStateException("gene-set accounting broken: " + tested + " sets passed the filter, "
                        + written + " rows were written: this is a bug");
            }
            manifest.count("datasets", inputs.datasets.size())
                    .count("collections", inputs.collections.size())
                    .count("gene_set_lines", inputs.geneSetsRead)
                    .count("gene_sets", sets.size())
                    .count("dataset_lines", inputs.datasetLinesRead)
                    .count("dataset_lines_used", inputs.datasetLinesUsed)
                    .count("sets_tested", tested)
                    .count("sets_filtered", filtered)
                    .count(GseaSchema.TABLE, written)
                    .count(RejectsSchema.TABLE, rejects.size())
                    .summary("warnings", inputs.warnings)
                    .finish();
            output.writeManifest(manifest);
            output.commit();
            return new GseaRunResult(output.directory().toString(), output.readTable(GseaSchema.TABLE),
                    output.readTable(RejectsSchema.TABLE), manifest.counts(), List.copyOf(inputs.warnings));
        }
    }

    private static void add(JavaSparkContext jsc, List<String> names, List<Broadcast<Object>> prepared,
                            List<Integer> permutations, String name, Object p, int count) {
        names.add(name);
        prepared.add(jsc.broadcast(p));
        permutations.add(count);
    }

    /**
     * The GSEA rows: datasets split into permutation blocks so that there are about {@value #TASKS_PER_CORE} tasks
     * per core (or {@code partitions}); single-block datasets finish in their task, split ones after a join.
     */
    private static JavaRDD<Row> gseaRows(JavaSparkContext jsc, List<String> names, List<Broadcast<Object>> prepared,
                                         List<Integer> permutations, GseaTasks.Settings settings, int partitions) {
        int datasets = names.size();
        int wanted = partitions > 0 ? partitions : TASKS_PER_CORE * jsc.defaultParallelism();
        List<GseaTasks.Unit> whole = new ArrayList<>();
        List<GseaTasks.Unit> pieces = new ArrayList<>();
        for (int d = 0; d < datasets; d++) {
            int total = permutations.get(d);
            int blocks = (int) Math.max(1, Math.min((wanted + datasets - 1) / Math.max(1, datasets),
                    total / MIN_BLOCK));
            if (blocks == 1) {
                whole.add(new GseaTasks.Unit(d, 0, total));
                continue;
            }
            for (int b = 0; b < blocks; b++) {
                pieces.add(new GseaTasks.Unit(d, (int) ((long) total * b / blocks),
                        (int) ((long) total * (b + 1) / blocks)));
            }
        }
        List<String> datasetNames = List.copyOf(names);
        List<Broadcast<Object>> shipped = List.copyOf(prepared);
        List<Integer> counts = List.copyOf(permutations);
        JavaRDD<Row> rows = jsc.parallelize(whole, Math.max(1, whole.size()))
                .flatMap(u -> GseaTasks.whole(datasetNames.get(u.dataset()), shipped.get(u.dataset()).value(),
                        counts.get(u.dataset()), settings).iterator());
        if (!pieces.isEmpty()) {
            long split = pieces.stream().mapToInt(GseaTasks.Unit::dataset).distinct().count();
            JavaRDD<Row> joined = jsc.parallelize(pieces, pieces.size())
                    .mapToPair(u -> new Tuple2<>(u.dataset(), new GseaTasks.NullBlock(u.from(),
                            GseaTasks.nulls(shipped.get(u.dataset()).value(), settings, u.from(), u.to()))))
                    .groupByKey((int) split)
                    .flatMap(g -> GseaTasks.finish(datasetNames.get(g._1()), shipped.get(g._1()).value(),
                            GseaTasks.join(g._2(), counts.get(g._1())), settings).iterator());
            rows = whole.isEmpty() ? joined : rows.union(joined);
        }
        return rows;
    }

    /**
     * Which sets of each collection a dataset tests: a set's size is its genes found ({@code found} >= 0), and the
     * size filter applies to that. Adds the rejects: sets dropped by the filter, and the genes of each set not
     * found in the dataset. Returns {tested, dropped}.
     */
    private record SetFilter(java.util.function.ToIntFunction<String> found, int datasetSize) implements Serializable {
        long[] rejects(String dataset, List<GseaInputs.Collection> collections, int min, int max,
                       List<Reject> rejects) {
            long tested = 0;
            long dropped = 0;
            for (GseaInputs.Collection c : collections) {
                long ordinal = 0;
                for (Map.Entry<String, List<String>> set : c.sets().entrySet()) {
                    ordinal++;
                    int size = (int) set.getValue().stream().filter(g -> found.applyAsInt(g) >= 0).count();
                    int missing = set.getValue().size() - size;
                    long line = c.lines().getOrDefault(set.getKey(), 0L);
                    if (size < min || size > max || size >= datasetSize) {
                        dropped++;
                        rejects.add(new Reject(c.file(), ordinal, line, set.getKey(), "size " + size
                                + (size >= datasetSize ? " is the whole dataset" : " outside " + min + ".." + max)
                                + " (" + missing + " of " + set.getValue().size() + " genes not in the dataset)",
                                dataset));
                    } else {
                        tested++;
                        if (missing > 0) {
                            rejects.add(new Reject(c.file(), ordinal, line, set.getKey(), missing + " of "
                                    + set.getValue().size() + " genes not in the dataset (tested with " + size + ")",
                                    dataset));
                        }
                    }
                }
            }
            return new long[] {tested, dropped};
        }
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
