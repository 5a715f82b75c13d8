package org.biospark.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.biospark.UsageException;
import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.spark.SparkSessions;
import org.biospark.spark.score.ScoreCounts;
import org.biospark.spark.score.ScoreJob;
import org.biospark.spark.score.ScoreOptions;
import org.biospark.spark.score.ScoreRunResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code biospark score}: single-sample gene-set scores of many samples, one Parquet table. */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Single-sample gene-set scores, as R's GSVA computes them: GSVA, ssGSEA, z-score or PLAGE",
            "for every sample of every expression matrix and every gene set; with --labels, Welch's test of the",
            "scores between two classes."})
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "gsva|ssgsea|zscore|plage",
            description = "The score.")
    SingleSampleAnalysis.Method method;

    @Option(names = "--expression", required = true, arity = "1..*", paramLabel = "GCT",
            description = "Expression matrices, GCT or TSV with a header (gene, then a column per sample), or"
                    + " directories of them: one dataset per file; or tables (Parquet, ORC, CSV, TSV with --format,"
                    + " Delta), wide (a gene column and a column per sample) or long ((gene, sample, value) rows),"
                    + " with a dataset column for any number of datasets.")
    List<String> expression;

    @Option(names = "--gene-sets", required = true, arity = "1..*", paramLabel = "GMT",
            description = "GMT files or directories (the collection is the file name), or tables of (collection,"
                    + " gene_set, gene) rows.")
    List<String> geneSets;

    @Option(names = "--kcdf", paramLabel = "gaussian|poisson|none",
            description = "GSVA: the kernel of each gene's distribution across samples: gaussian for continuous"
                    + " values (log expression, the default), poisson for integer counts, none for the empirical"
                    + " distribution.")
    GeneDensity.Kernel kernel;

    @Option(names = "--tau", paramLabel = "X",
            description = "The walk's weight exponent: GSVA's tau (default 1), ssGSEA's alpha (default 0.25).")
    Double tau;

    @Option(names = "--no-max-diff",
            description = "GSVA: the walk's largest deviation from zero, not the difference of its extremes.")
    boolean noMaxDiff;

    @Option(names = "--abs-ranking",
            description = "GSVA: the sum of the extremes' magnitudes, for sets whose genes go both ways.")
    boolean absRanking;

    @Option(names = "--no-normalise",
            description = "ssGSEA: the raw scores, not divided by the range of all of the dataset's scores.")
    boolean noNormalise;

    @Option(names = "--min-size", defaultValue = "1", paramLabel = "N",
            description = "Smallest set scored, counting its genes in the matrix (default: ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--max-size", paramLabel = "N", description = "Largest set scored (default: no limit).")
    Integer maxSize;

    @Option(names = "--labels", arity = "1..*", paramLabel = "CLS",
            description = "CLS sample labels, one per dataset in the same order (one for all of the tables'"
                    + " datasets), or tables of (sample, class) rows, with a dataset column where datasets differ:"
                    + " adds the table differences (Welch's t-test of each set's scores, class A against B, BH over"
                    + " the sets).")
    List<String> labels;

    @Option(names = "--class-a", paramLabel = "CLASS",
            description = "The class tested against the other (default: the first class of each CLS file), or"
                    + " against all the others when there are more than two.")
    String classA;

    @Option(names = "--wide", description = "Also write wide/DATASET.gct: a row per set, a column per sample.")
    boolean wide;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Tasks of the scoring stage (default: about 3 per core).")
    int partitions;

    @Option(names = "--block-mb", defaultValue = "64", paramLabel = "MB",
            description = "The most of a matrix one task holds at a time, in MiB (default: ${DEFAULT-VALUE}).")
    long blockMb;

    @Mixin
    TableOptions tables;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (output.resume()) {
            throw new UsageException("score has no --resume: run it again with --out " + output.directory()
                    + " --overwrite");
        }
        ScoreOptions options = ScoreOptions.builder(method, geneSets, expression, output.directory())
                .overwrite(output.overwrite).kernel(kernel).tau(tau == null ? Double.NaN : tau).maxDiff(!noMaxDiff)
                .absRanking(absRanking).normalise(!noNormalise)
                .sizes(minSize, maxSize == null ? Integer.MAX_VALUE : maxSize).labels(labels, classA).wide(wide)
                .partitions(partitions).blockBytes(Math.multiplyExact(blockMb, 1L << 20))
                .tables(new ScoreOptions.Columns(tables.format, tables.datasetColumn, tables.geneColumn,
                        tables.sampleColumn, tables.valueColumn, tables.collectionColumn, tables.setColumn)).build();
        options.analysis();
        ScoreRunResult result = ScoreJob.run(SparkSessions.getOrCreate("biospark score"), options);
        print(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.OK;
    }

    static void print(ScoreRunResult result, PrintWriter out, PrintWriter err) {
        ScoreCounts c = result.counts();
        result.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        out.printf("datasets: %d (%d samples); gene sets: %d in %d collections%n", c.datasets(), c.samples(),
                c.geneSets(), c.collections());
        out.printf("genes: %d of %d gene lines used; sets: %d (dataset, set) pairs scored, %d left out by the size"
                + " filter%n", c.genesUsed(), c.geneLines(), c.setsScored(), c.setsFiltered());
        out.printf("results: %d rows in %s/scores%s (rejects: %d rows in %s/rejects)%n", c.scores(),
                result.outputDirectory(), c.differences() > 0 ? ", " + c.differences() + " in "
                + result.outputDirectory() + "/differences" : "", c.rejects(), result.outputDirectory());
        out.flush();
    }
}
