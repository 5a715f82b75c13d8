package org.biospark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.UsageException;
import org.biospark.align.Alphabet;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.io.Samples;
import org.biospark.spark.SparkSessions;
import org.biospark.spark.align.AlignJob;
import org.biospark.spark.align.AlignOptions;
import org.biospark.spark.align.AlignResult;
import org.biospark.spark.gsea.GseaJob;
import org.biospark.spark.gsea.GseaOptions;
import org.biospark.spark.gsea.GseaRunResult;
import org.biospark.spark.score.ScoreJob;
import org.biospark.spark.score.ScoreOptions;
import org.biospark.spark.score.ScoreRunResult;
import org.biospark.spark.sumrange.SumRangeJob;
import org.biospark.spark.sumrange.SumRangeOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code biospark demo}: every job on the sample data bundled in the jar, one output directory per job. The quick
 * start of the README. It replaces the output of an earlier demo, and refuses any other non-empty directory.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run every biospark job on the bundled sample data.")
final class DemoCommand implements Callable<Integer> {
    /** Marks a directory as a demo's, so that the next demo may replace it. */
    static final String MARKER = "_biospark_demo";

    /** The sumrange demo: enough integers for the loop to outweigh Spark's overhead while the demo stays short. */
    static final long SUMRANGE_TO = 2_000_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "biospark-demo", paramLabel = "DIR",
            description = "Local directory for the demo's results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        prepare(out);
        SparkSession spark = SparkSessions.getOrCreate("biospark demo");
        PrintWriter console = spec.commandLine().getOut();

        console.printf("== sumrange [0, %d) on %s%n", SUMRANGE_TO, spark.sparkContext().master());
        SumRangeCommand.print(SumRangeJob.run(spark, SumRangeOptions.builder(SUMRANGE_TO,
                out.resolve("sumrange").toString()).overwrite(true).build()), console);

        Path queries = Samples.extract(Samples.BLOG_QUERIES, out.resolve("samples"));
        Path reference = Samples.extract(Samples.BLOG_REFERENCE, out.resolve("samples"));
        console.printf("%n== align: 1,000 x 64 bp against a 16S rRNA start (global, +1/-2, gaps 5/2, with traceback)%n");
        AlignResult aligned = AlignJob.run(spark, AlignOptions.builder(List.of(queries.toString()), reference.toString(),
                out.resolve("align").toString()).overwrite().matchMismatch(1, -2).gaps(5, 2).alphabet(Alphabet.DNA).traceback()
                .build());
        AlignCommand.print(aligned, console);
        console.println("best five:");
        aligned.alignments().orderBy(functions.desc("score"), functions.asc("query_id")).limit(5)
                .select("query_id", "target_id", "score", "identity", "cigar")
                .collectAsList().forEach(row -> console.printf("  %s%n", row.mkString("\t")));

        Path ranks = Samples.extract(Samples.EXAMPLE_RANKS, out.resolve("samples"));
        Path sets = Samples.extract(Samples.REACTOME_SETS, out.resolve("samples"));
        console.printf("%n== gsea: fgsea's example ranks against 1,457 Reactome sets (preranked, 1,000 permutations,"
                + " multilevel p)%n");
        GseaRunResult gsea = GseaJob.run(spark, GseaOptions.builder(List.of(sets.toString()),
                out.resolve("gsea").toString()).ranks(List.of(ranks.toString())).overwrite().multilevel().build());
        GseaCommand.print(gsea, console, spec.commandLine().getErr());
        console.println("five smallest p-values:");
        gsea.gsea().orderBy(functions.asc("pval"), functions.desc("nes")).limit(5)
                .select("gene_set", "size", "nes", "pval", "padj", "log2err")
                .collectAsList().forEach(row -> console.printf("  %s%n", row.mkString("\t")));

        Path expression = Samples.extract(Samples.SYNTH_EXPRESSION, out.resolve("samples"));
        Path synthSets = Samples.extract(Samples.SYNTH_SETS, out.resolve("samples"));
        Path groups = Samples.extract(Samples.SYNTH_LABELS, out.resolve("samples"));
        console.printf("%n== score: GSVA of 150 sets in the 16 samples of a synthetic two-group matrix (8,000 genes),"
                + " Welch's test between the groups%n");
        ScoreRunResult scored = ScoreJob.run(spark, ScoreOptions.builder(SingleSampleAnalysis.Method.GSVA,
                List.of(synthSets.toString()), List.of(expression.toString()), out.resolve("score").toString())
                .overwrite(true).labels(List.of(groups.toString()), null).build());
        ScoreCommand.print(scored, console, spec.commandLine().getErr());
        console.println("five smallest adjusted p-values of the difference:");
        scored.differences().orderBy(functions.asc("padj"), functions.asc("gene_set")).limit(5)
                .select("gene_set", "size", "mean_a", "mean_b", "t", "padj")
                .collectAsList().forEach(row -> console.printf("  %s%n", row.mkString("\t")));

        org.biospark.report.Report.Written report = org.biospark.report.Report.write(spark, List.of(
                out.resolve("gsea").toString(), out.resolve("score").toString(), out.resolve("align").toString(),
                out.resolve("sumrange").toString()),
                out.resolve("report"), true, org.biospark.report.ReportOptions.DEFAULT);
        console.printf("%nDemo results are in %s; query them with Spark SQL, e.g.%n"
                + "  submit/biospark sql --results %s \"SELECT gene_set, nes, padj FROM gsea WHERE padj < 0.01\"%n"
                + "Report (open in a browser): %s%n",
                out.toAbsolutePath(), out.resolve("gsea").toAbsolutePath(), report.index().toAbsolutePath());
        console.flush();
        return ExitCodes.OK;
    }

    private static void prepare(Path out) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UsageException("The demo's output path " + out + " is a file");
            }
            if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new UsageException("The directory " + out + " is not empty and holds no earlier demo;"
                                + " choose another with --out");
                    }
                }
            }
            Files.createDirectories(out);
            if (!Files.exists(out.resolve(MARKER))) {
                Files.createFile(out.resolve(MARKER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo's output directory " + out, e);
        }
    }
}
