package org.biospark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.spark.SparkSessions;
import org.biospark.spark.SumRangeEngine;
import org.biospark.spark.SumRangeJob;
import org.biospark.spark.SumRangeOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code biospark demo}: every job on the sample data bundled in the jar, one output directory per job. The quick
 * start of the README. It replaces the output of an earlier demo, and refuses any other non-empty directory.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run every biospark job on the bundled sample data.")
final class DemoCommand implements Callable<Integer> {
    /** Marks a directory as a demo's, so that the next demo may replace it. */
    static final String MARKER = "_biospark_demo";

    /** The sumrange demo: 2 x 10^9 integers, a few seconds per core. */
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
        SumRangeCommand.print(SumRangeJob.run(spark, new SumRangeOptions(0, SUMRANGE_TO, 0, SumRangeEngine.SPARK, 0,
                out.resolve("sumrange").toString(), true)), console);

        console.printf("%nDemo results are in %s; read them with Spark SQL, e.g. spark.read().parquet(\"%s\")%n",
                out.toAbsolutePath(), out.resolve("sumrange").resolve("sumrange").toAbsolutePath());
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
