package org.biospark.spark.gsea;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.geneset.OverRepresentation;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.Job;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.spark.run.RunManifest;

/**
 * {@code gsea}: many datasets against many gene-set collections on Spark, one Parquet table.
 * <p>
 * The driver reads the gene sets (bad lines to {@code rejects/}), broadcasts them once, and lists the dataset files.
 * The work is (dataset x block of permutations), sized so that one dataset with 20,000 sets and 1,000 datasets of
 * 50 sets both keep every core busy: with about {@value #TASKS_PER_CORE} datasets per core or more, a task analyses
 * whole datasets ({@link WholeDatasets}); with fewer, each dataset's permutations are split into blocks
 * ({@link PermutationBlocks}). Every permutation has its own random stream from (seed, permutation), so the results
 * are the same at any parallelism, however the permutations are split, and equal to running each dataset alone.
 */
public final class GseaJob extends Job<GseaCounts, GseaRunResult> {
    /** Tasks per core the automatic block count aims at. */
    static final int TASKS_PER_CORE = 3;

    private final GseaOptions options;
    private final GseaMethod method;
    private final GseaTasks.Settings settings;
    private List<String> warnings = List.of();

    private GseaJob(GseaOptions options) {
        super("gsea", options.out(), options.overwrite(), options.resume());
        this.options = options;
        this.method = method(options);
        this.settings = settings(options);
    }

    /** Runs {@code gsea} in {@code spark}: the tables and the manifest written, the tables readable from the result. */
    public static GseaRunResult run(SparkSession spark, GseaOptions options) {
        return new GseaJob(options).run(spark);
    }

    @Override
    protected GseaCounts work(Context run) {
        JavaSparkContext jsc = run.jsc();
        run.describe("reading the gene sets");
        GseaInputs inputs = GseaInputs.open(options, method, run.conf());
        record(run.manifest(), inputs, run);
        run.ready();
        GseaTasks.Shared shared = GseaTasks.Shared.of(inputs);
        // once per executor, not once per task: a Hadoop configuration is costly to deserialize beside a small
        // dataset's work
        GseaRun gsea = new GseaRun(run.spark(), jsc, options, settings, inputs, shared, jsc.broadcast(shared),
                jsc.broadcast(new HadoopConf(run.conf())), run.output(), jsc.sc().longAccumulator("gsea rows"));
        boolean tables = inputs.sources().isEmpty();
        int wanted = options.partitions() > 0 ? options.partitions() : TASKS_PER_CORE * jsc.defaultParallelism();
        int blocks = tables || method == GseaMethod.ORA ? 1 : Math.max(1, Math.min(
                (wanted + inputs.sources().size() - 1) / inputs.sources().size(),
                options.permutations() / PermutationBlocks.MIN_BLOCK));
        run.describe((tables ? "the datasets of " + datasetInputs(options, method)
                : inputs.sources().size() + " datasets") + " x "
                + shared.sets().size() + " gene sets (" + method.label()
                + (blocks > 1 ? ", " + blocks + " permutation blocks each" : "") + ")");
        GseaRun.Outcome outcome = tables ? TableDatasets.run(gsea)
                : blocks == 1 ? WholeDatasets.run(gsea, wanted) : PermutationBlocks.run(gsea, blocks);
        int datasets = tables ? outcome.summaries().size() : inputs.sources().size();
        long rejects = run.writeRejects(outcome.rejects().union(jsc.parallelize(inputs.rejects(), 1)));

        List<GseaTasks.Summary> summaries = outcome.summaries();
        long tested = summaries.stream().mapToLong(GseaTasks.Summary::tested).sum();
        long written = gsea.rows().value();
        if (written != tested) {
            throw new IllegalStateException("gene-set accounting broken: " + tested + " sets passed the filter, "
                    + written + " rows were written");
        }
        List<Map<String, String>> untested = untested(summaries, inputs.sources());
        List<String> said = new ArrayList<>();
        untested.forEach(u -> said.add(u.get("dataset") + ": nothing tested: " + u.get("reason")));
        summaries.forEach(s -> said.addAll(s.warnings()));
        warnings = List.copyOf(said);
        run.manifest().summary("warnings", warnings).summary("untested_datasets", untested);
        return new GseaCounts(datasets, summaries.stream().filter(GseaTasks.Summary::left).count(), untested.size(),
                inputs.collections().size(), inputs.geneSetLines(), shared.sets().size(),
                summaries.stream().mapToLong(GseaTasks.Summary::lines).sum(),
                summaries.stream().mapToLong(GseaTasks.Summary::used).sum(), tested,
                summaries.stream().mapToLong(GseaTasks.Summary::filtered).sum(), blocks, written, rejects);
    }

    @Override
    protected GseaRunResult result(Committed<GseaCounts> run) {
        return new GseaRunResult(run.directory(), () -> run.output().readTable(GseaSchema.TABLE),
                () -> run.output().readTable(RejectsSchema.TABLE, RejectsSchema.SCHEMA), run.counts(), warnings);
    }

    /**
     * The datasets of which nothing was tested, with the reason, for the manifest; when that is every dataset, the
     * run has no result and stops as bad input, naming each dataset's reason.
     */
    private static List<Map<String, String>> untested(List<GseaTasks.Summary> summaries,
                                                      List<GseaInputs.Source> sources) {
        List<Map<String, String>> untested = new ArrayList<>();
        for (GseaTasks.Summary s : summaries) {
            if (s.untested() != null) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("dataset", s.dataset());
                entry.put("reason", s.untested());
                untested.add(entry);
            }
        }
        if (!summaries.isEmpty() && untested.size() == summaries.size()) {
            StringBuilder reasons = new StringBuilder();
            for (int i = 0; i < Math.min(3, untested.size()); i++) {
                reasons.append(i == 0 ? "" : "; ").append(untested.get(i).get("dataset")).append(": ")
                        .append(untested.get(i).get("reason"));
            }
            String more = untested.size() > 3 ? " (and " + (untested.size() - 3) + " more datasets)" : "";
            throw new InvalidInputException(sources.size() == 1 ? sources.get(0).file() : "the datasets",
                    "nothing could be tested in " + (untested.size() == 1 ? "the dataset" : "any of the "
                    + untested.size() + " datasets") + ": " + reasons + more);
        }
        return untested;
    }

    /** The method: as given, or from the inputs (exactly one kind must be given). */
    /** The inputs that hold a method's datasets. */
    static List<String> datasetInputs(GseaOptions o, GseaMethod method) {
        return switch (method) {
            case PHENOTYPE -> o.expression();
            case ORA -> o.genes();
            default -> o.ranks();
        };
    }

    static GseaMethod method(GseaOptions o) {
        List<GseaMethod> given = new ArrayList<>();
        if (!o.ranks().isEmpty()) {
            given.add(GseaMethod.PRERANKED);
        }
        if (!o.expression().isEmpty() || !o.labels().isEmpty()) {
            given.add(GseaMethod.PHENOTYPE);
        }
        if (!o.genes().isEmpty()) {
            given.add(GseaMethod.ORA);
        }
        if (given.size() != 1) {
            throw new UsageException("give exactly one kind of dataset: --ranks (preranked), --expression with"
                    + " --labels (phenotype) or --genes (ora)"
                    + (given.isEmpty() ? "" : "; given: " + given.stream().map(GseaMethod::label).toList()));
        }
        GseaMethod method = o.method() == null ? given.get(0) : o.method();
        if (method != given.get(0)) {
            throw new UsageException("--method " + method.label() + " needs " + method.inputs()
                    + ", not the inputs given for " + given.get(0).label());
        }
        if (o.universe() != null && method != GseaMethod.ORA) {
            throw new UsageException("--universe is for --method ora");
        }
        if (o.multilevel() && method != GseaMethod.PRERANKED) {
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
        if (o.metric() == null) {
            throw new UsageException("a ranking metric is required (--metric)");
        }
        return new GseaTasks.Settings(
                new PrerankedGsea.Options(o.weight(), o.permutations(), o.minSize(), o.maxSize(), o.seed(),
                        o.multilevel() ? PrerankedGsea.Multilevel.DEFAULT : null),
                new PhenotypeGsea.Options(o.metric(), o.weight(), o.permutations(), o.minSize(), o.maxSize(),
                        o.seed()),
                new OverRepresentation.Options(o.minSize(), o.maxSize()));
    }

    /** How table inputs were read, so that a reader of the run (the report) can read them again. */
    private static Map<String, String> tableParameters(TableColumns c) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("format", c.format());
        t.put("dataset", c.dataset());
        t.put("gene", c.gene());
        t.put("score", c.score());
        t.put("rank_by", c.rankBy().label());
        t.put("collection", c.collection());
        t.put("gene_set", c.geneSet());
        t.put("sample", c.sample());
        t.put("value", c.value());
        return t;
    }

    private void record(RunManifest m, GseaInputs inputs, Context run) {
        GseaOptions o = options;
        m.parameter("method", method).parameter("permutations", o.permutations())
                .parameter("multilevel", o.multilevel()).parameter("min_size", o.minSize())
                .parameter("max_size", o.maxSize()).parameter("weight", o.weight()).parameter("metric", o.metric())
                .parameter("seed", o.seed()).parameter("collapse_duplicates", o.collapseDuplicates())
                .parameter("class_a", o.classA()).parameter("gene_sets", o.geneSets()).parameter("ranks", o.ranks())
                .parameter("expression", o.expression()).parameter("labels", o.labels())
                .parameter("genes", o.genes()).parameter("universe", o.universe())
                .parameter("tables", tableParameters(o.tables()));
        for (String file : inputs.files()) {
            try {
                m.input("input", file, new Path(file).getFileSystem(run.conf()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
