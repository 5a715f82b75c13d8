package org.biospark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.biospark.report.Report;
import org.biospark.report.ReportOptions;
import org.biospark.spark.SparkSessions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code biospark report}: an HTML report of finished runs. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a self-contained HTML report (index.html and its figures) of one or more runs.",
            "Every run: its command, parameters, inputs, versions, times, counts and rejects. gsea: tables of the"
                + " tested sets, enrichment plots of the top sets, the sets significant across datasets, leading-edge"
                + " overlap. align: score and identity distributions, hits per reference, best hit per query."
                + " sumrange: per-partition rates."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--results", arity = "1..*", required = true, paramLabel = "DIR",
            description = "Run output directories (the --out of earlier runs).")
    List<String> results = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The report's directory.")
    Path out;

    @Option(names = "--overwrite", description = "Replace an earlier report in --out.")
    boolean overwrite;

    @Option(names = "--datasets", defaultValue = "20", paramLabel = "N",
            description = "gsea: datasets with a page of their own, most significant first (default: ${DEFAULT-VALUE}).")
    int datasets;

    @Option(names = "--plots", defaultValue = "6", paramLabel = "N",
            description = "gsea: enrichment plots per dataset page (default: ${DEFAULT-VALUE}).")
    int plots;

    @Option(names = "--rows", defaultValue = "2000", paramLabel = "N",
            description = "align: rows of the best-hit table (default: ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public Integer call() {
        ReportOptions options = new ReportOptions(datasets, plots, rows);
        SparkSession spark = SparkSessions.getOrCreate("biospark report");
        Report.Written written = Report.write(spark, results, out, overwrite, options);
        spec.commandLine().getOut().printf("report: %s (%d figures, %.1f MB)%n", written.index().toAbsolutePath(),
                written.figures(), written.bytes() / 1e6);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
