package org.biospark.spark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.Job;
import org.biospark.spark.run.Reject;

import scala.Tuple2;

/**
 * {@code score}: single-sample gene-set scores (GSVA, ssGSEA, z-score, PLAGE) of any number of expression matrices
 * against the collections, one Parquet table. The driver reads the sets and each matrix's header; the tasks read
 * the gene lines in splits. A first pass tells the driver each gene line's name and whether it can be used, from
 * which it fixes the genes and the sets each dataset keeps; the scores then come from {@link ScoreTasks}, whose
 * groups bound what any task holds of a matrix. ssGSEA's normalisation by the range of all of a dataset's scores is
 * the one step that looks across groups, as the method defines it.
 */
public final class ScoreJob extends Job<ScoreCounts, ScoreRunResult> {
    /** Tasks per core the scoring stage aims at, so that an uneven last round costs little. */
    static final int TASKS_PER_CORE = 3;

    private final ScoreOptions options;
    private final SingleSampleAnalysis.Options analysis;
    private List<String> warnings = List.of();

    private ScoreJob(ScoreOptions options) {
        super("score", options.out(), options.overwrite(), false);
        this.options = options;
        this.analysis = options.analysis();
    }

    /** Runs {@code score} in {@code spark}: the tables and the manifest written. */
    public static ScoreRunResult run(SparkSession spark, ScoreOptions options) {
        return new ScoreJob(options).run(spark);
    }

    @Override
    protected ScoreCounts work(Context run) {
        JavaSparkContext jsc = run.jsc();
        run.describe("reading the gene sets and the matrices' headers");
        ScoreInputs inputs = ScoreInputs.open(options, run.spark(), run.conf());
        record(run, inputs);
        run.ready();
        run.describe("reading the gene lines of " + inputs.datasets().size() + " matrices");
        JavaRDD<MatrixRows.Parsed> parsed = MatrixRows.read(jsc, inputs, analysis.method(),
                analysis.kernel()).persist(StorageLevel.MEMORY_AND_DISK());
        // every gene line's name and usability, its values left where they are; a bad line counts as unusable
        List<MatrixRows.Row> lines = parsed.map(p -> p.row() == null ? null : new MatrixRows.Row(p.row().dataset(),
                p.row().line(), p.row().gene(), null, p.row().usable())).collect();
        long geneLines = lines.size();
        lines = lines.stream().filter(java.util.Objects::nonNull).toList();
        List<Reject> driverRejects = new ArrayList<>(inputs.rejects());
        ScorePlan plan = ScorePlan.of(inputs, lines, analysis, options.blockBytes(),
                ScoreJob.TASKS_PER_CORE * jsc.defaultParallelism(), driverRejects);
        List<String> said = untested(plan, inputs);
        Broadcast<ScorePlan> shared = jsc.broadcast(plan);
        int partitions = options.partitions() > 0 ? options.partitions()
                : Math.max(1, Math.min(plan.groups(), TASKS_PER_CORE * jsc.defaultParallelism()));
        run.describe(analysis.method().toString().toLowerCase(java.util.Locale.ROOT) + " scores of "
                + inputs.datasets().size() + " datasets x " + plan.sets().size() + " gene sets in " + plan.groups()
                + " groups");
        JavaRDD<ScoreTasks.Cell> cells = ScoreTasks.scores(parsed.filter(p -> p.row() != null && p.row().usable())
                .map(MatrixRows.Parsed::row), shared, analysis, partitions);
        if (analysis.method() == SingleSampleAnalysis.Method.SSGSEA && analysis.normalise()) {
            cells = normalised(cells.persist(StorageLevel.MEMORY_AND_DISK_SER()));
        }
        cells = cells.persist(StorageLevel.MEMORY_AND_DISK_SER());
        LongAccumulator written = jsc.sc().longAccumulator("scores");
        run.output().writeTable(ScoreSchema.TABLE, run.spark().createDataFrame(cells.map(c -> {
            written.add(1);
            return ScoreOutputs.row(c, shared.value());
        }), ScoreSchema.SCHEMA), ScoreSchema.DATASET.name());
        long expected = plan.datasets().stream().mapToLong(d -> (long) d.samples() * d.setIds().length).sum();
        if (written.value() != expected) {
            throw new IllegalStateException("score accounting broken: " + expected + " (sample, set) scores planned, "
                    + written.value() + " rows written");
        }
        long differences = 0;
        if (!options.labels().isEmpty() || options.wide()) {
            ScoreOutputs outputs = new ScoreOutputs(run, shared, cells);
            differences = options.labels().isEmpty() ? 0 : outputs.differences();
            if (options.wide()) {
                outputs.wide();
            }
        }
        JavaRDD<Reject> rejects = parsed.flatMap(p -> p.rejects().iterator())
                .union(jsc.parallelize(driverRejects, 1));
        long rejected = run.writeRejects(rejects);
        cells.unpersist();
        parsed.unpersist();
        long used = plan.datasets().stream().mapToLong(ScorePlan.Dataset::genes).sum();
        warnings = List.copyOf(said);
        run.manifest().summary("warnings", warnings);
        return new ScoreCounts(inputs.datasets().size(), inputs.datasets().stream()
                .mapToLong(ScoreInputs.Matrix::samples).sum(), inputs.collections().size(), inputs.geneSetLines(),
                plan.sets().size(), geneLines, used, geneLines - used,
                plan.datasets().stream().mapToLong(d -> d.setIds().length).sum(),
                plan.datasets().stream().mapToLong(ScorePlan.Dataset::filtered).sum(), written.value(), differences,
                rejected);
    }

    @Override
    protected ScoreRunResult result(Committed<ScoreCounts> run) {
        return new ScoreRunResult(run.directory(), run.counts(), warnings, run.output());
    }

    /** ssGSEA's scores over the range of all scores of their dataset. */
    private static JavaRDD<ScoreTasks.Cell> normalised(JavaRDD<ScoreTasks.Cell> raw) {
        Map<Integer, double[]> ranges = raw.mapToPair(c -> new Tuple2<>(c.dataset(), new double[] {c.score(),
            c.score()})).reduceByKey((a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])})
                .collectAsMap();
        Map<Integer, double[]> r = new java.util.HashMap<>(ranges);
        return raw.map(c -> {
            double[] range = r.get(c.dataset());
            return new ScoreTasks.Cell(c.dataset(), c.sample(), c.slot(), c.score() / (range[1] - range[0]));
        });
    }

    /**
     * What the user is told of datasets with nothing scored; when that is every dataset, the run has no result and
     * stops as bad input, with what to check.
     */
    private List<String> untested(ScorePlan plan, ScoreInputs inputs) {
        List<String> said = new ArrayList<>();
        for (ScorePlan.Dataset d : plan.datasets()) {
            if (d.setIds().length == 0) {
                said.add(d.matrix().name() + ": nothing scored: " + (d.genes() == 0
                        ? "no gene line could be used (see rejects/)"
                        : "none of the " + plan.sets().size() + " gene sets has " + sizes() + " of its genes among the"
                        + " " + d.genes() + " usable genes; check that the matrix and the gene sets name genes the"
                        + " same way (symbols, Entrez or Ensembl ids), or change --min-size/--max-size"));
            }
        }
        if (said.size() == plan.datasets().size()) {
            throw new InvalidInputException(inputs.datasets().size() == 1 ? inputs.datasets().get(0).file()
                    : "the matrices", "nothing could be scored: " + String.join("; ", said.subList(0,
                    Math.min(3, said.size()))) + (said.size() > 3 ? " (and " + (said.size() - 3) + " more)" : ""));
        }
        return said;
    }

    private String sizes() {
        return options.maxSize() == Integer.MAX_VALUE ? "at least " + options.minSize()
                : options.minSize() + " to " + options.maxSize();
    }

    private void record(Context run, ScoreInputs inputs) {
        ScoreOptions o = options;
        run.manifest().parameter("method", analysis.method()).parameter("kcdf", analysis.kernel())
                .parameter("tau", analysis.tau()).parameter("max_diff", analysis.maxDiff())
                .parameter("abs_ranking", analysis.absRanking()).parameter("normalise", analysis.normalise())
                .parameter("min_size", o.minSize()).parameter("max_size", o.maxSize())
                .parameter("gene_sets", o.geneSets()).parameter("expression", o.expression())
                .parameter("labels", o.labels()).parameter("class_a", o.classA()).parameter("wide", o.wide())
                .parameter("tables", o.tables().parameters());
        for (String file : inputs.files()) {
            try {
                run.manifest().input("input", file, new Path(file).getFileSystem(run.conf()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
