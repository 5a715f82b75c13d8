package org.biospark.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.biospark.spark.SparkSessions;
import org.biospark.spark.sumrange.SumRangeEngine;
import org.biospark.spark.sumrange.SumRangeJob;
import org.biospark.spark.sumrange.SumRangeOptions;
import org.biospark.spark.sumrange.SumRangeResult;
import org.biospark.sumrange.PartialSum;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code biospark sumrange}: the CPU-bound calibration benchmark. */
@Command(name = "sumrange", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sum every integer in [FROM, TO) with a real loop, split across partitions.",
            "The calibration job for overhead and scaling: compare --engine spark, threads and serial."})
final class SumRangeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", defaultValue = "0", paramLabel = "FROM", description = "First integer (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--to", required = true, paramLabel = "TO", description = "End of the range, exclusive (at most 10^15 in magnitude).")
    long to;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Number of slices (default: one per core, or per thread).")
    int partitions;

    @Option(names = "--engine", defaultValue = "spark", paramLabel = "ENGINE",
            description = "spark (Spark tasks), threads (a Java thread pool) or serial (one thread). Default: ${DEFAULT-VALUE}.")
    SumRangeEngine engine;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Thread-pool size for --engine threads (default: one per processor).")
    int threads;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SumRangeOptions options = SumRangeOptions.builder(to, output.directory()).from(from).partitions(partitions)
                .engine(engine).threads(threads).overwrite(output.overwrite).resume(output.resume()).build();
        SumRangeResult result = SumRangeJob.run(SparkSessions.getOrCreate("biospark sumrange"), options);
        print(result, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static void print(SumRangeResult result, PrintWriter out) {
        out.printf(Locale.ROOT, "%-9s %20s %20s %9s %14s  %s%n", "partition", "from", "to", "seconds", "integers/s", "worker");
        for (PartialSum p : result.partials()) {
            out.printf(Locale.ROOT, "%-9d %20d %20d %9.3f %14.4g  %s@%s%n", p.slice().index(), p.slice().from(),
                    p.slice().to(), p.seconds(), p.rate(), p.worker(), p.host());
        }
        out.printf(Locale.ROOT, "total %s (checked against the closed form)%n", result.total());
        out.printf(Locale.ROOT, "wall %.3f s for %d integers in %d partitions: %.4g integers/s%n",
                result.computeSeconds(), result.count(), result.partials().size(), result.rate());
        if (result.startupSeconds() > 0) {
            out.printf(Locale.ROOT, "spark start-up %.3f s (a warm-up job before the clock started)%n",
                    result.startupSeconds());
        }
        out.printf(Locale.ROOT, "results in %s%n", result.outputDirectory());
        out.flush();
    }
}
