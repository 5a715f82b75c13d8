package org.biospark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.spark.SparkSessions;
import org.biospark.spark.scaling.ScalingJob;
import org.biospark.spark.scaling.ScalingOptions;
import org.biospark.spark.scaling.ScalingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code biospark scaling}: a job at each parallelism, with speed-up, efficiency and the laws' fits. */
@Command(name = "scaling", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a job at each parallelism (each run a process of its own), repeatedly, and write the"
                + " times with speed-up, efficiency, Karp-Flatt, an Amdahl fit and its predictions (--weak:"
                + " Gustafson). The job's own options follow, e.g. scaling --job sumrange --cores 1,2 --out s"
                + " --to 10000000000."})
final class ScalingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "align|gsea|sumrange", description = "The job studied.")
    String job;

    @Option(names = "--cores", required = true, split = ",", paramLabel = "K,K...",
            description = "The parallelisms, such as 1,2 (local[k], or k executor cores on a standalone master).")
    List<Integer> cores;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
            description = "Runs per parallelism, alternating their order (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--weak", description = "Gustafson: the work grows with the cores (sumrange's --to range).")
    boolean weak;

    @Option(names = "--runs-master", defaultValue = "local", paramLabel = "MASTER",
            description = "Where the runs run: local (default) or a standalone master spark://host:port.")
    String runsMaster;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The study's output directory.")
    String out;

    @Option(names = "--overwrite", description = "Replace an earlier study in --out.")
    boolean overwrite;

    @Unmatched
    List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() {
        String launcher = System.getenv("BIOSPARK_LAUNCHER");
        if (launcher == null) {
            throw new UsageException("scaling starts each run with the launcher: run it as submit/biospark scaling"
                    + " (BIOSPARK_LAUNCHER names the launcher)");
        }
        ScalingOptions options = new ScalingOptions(job, jobArgs, cores, repeat, weak, runsMaster, launcher, out,
                overwrite);
        // the study's own session only writes its small tables: on a cluster it would hold cores its runs wait for
        SparkSession spark = SparkSessions.getOrCreate("biospark scaling", "local[1]");
        ScalingResult result = ScalingJob.run(spark, options);
        var printer = spec.commandLine().getOut();
        printer.printf("%s: %d runs; Amdahl serial fraction %.4f, predicted speed-up %s at %s cores%n",
                result.directory(), result.runs().count(), result.fit().serial(),
                ScalingJob.PREDICTED.stream().map(k -> String.format(java.util.Locale.ROOT, "%.2f",
                        result.fit().speedup(k))).toList(), ScalingJob.PREDICTED);
        printer.println("cores  median job s  speed-up  efficiency  Karp-Flatt");
        for (Row r : result.summary().orderBy("parallelism").collectAsList()) {
            printer.printf("%5d  %12.3f  %8.3f  %10.3f  %s%n", r.getInt(0), r.getDouble(2), r.getDouble(3),
                    r.getDouble(4), r.isNullAt(5) ? "-" : String.format(java.util.Locale.ROOT, "%.4f",
                            r.getDouble(5)));
        }
        printer.flush();
        return ExitCodes.OK;
    }
}
