package org.biospark.spark.scaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.biospark.io.InvalidInputException;
import org.biospark.scaling.ScalingLaws;
import org.biospark.spark.run.Job;
import org.biospark.spark.run.RunOutput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scaling}: a job run whole, as its own process through the launcher, at each parallelism and repeatedly,
 * the parallelisms alternated (ascending, then descending) so that a drift of the machine falls on all of them;
 * then the laws' figures from the job times: speed-up over the smallest parallelism, efficiency, Karp-Flatt, an
 * Amdahl fit with its predictions, and with {@code --weak} Gustafson's scaled speed-up.
 */
public final class ScalingJob extends Job<ScalingCounts, ScalingResult> {
    /** The parallelisms the Amdahl fit's predictions are given for. */
    public static final List<Integer> PREDICTED = List.of(16, 64, 256);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScalingOptions options;
    private List<Row> runs;
    private List<Row> summary;
    private ScalingLaws.Amdahl fit;

    private ScalingJob(ScalingOptions options) {
        super("scaling", options.out(), options.overwrite(), false);
        this.options = options;
    }

    public static ScalingResult run(SparkSession spark, ScalingOptions options) {
        return new ScalingJob(options).run(spark);
    }

    @Override
    protected ScalingCounts work(Context run) {
        run.manifest().parameter("job", options.job()).parameter("job_options", options.jobArgs())
                .parameter("cores", options.cores()).parameter("repeat", options.repeat())
                .parameter("weak", options.weak()).parameter("master", options.master());
        run.ready();
        runs = new ArrayList<>();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("biospark-scaling");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int r = 0; r < options.repeat(); r++) {
                List<Integer> order = new ArrayList<>(options.cores());
                if (r % 2 == 1) {
                    order.sort(Comparator.reverseOrder());
                }
                for (int k : order) {
                    run.describe(options.job() + " on " + k + " cores, repeat " + (r + 1) + " of " + options.repeat());
                    runs.add(once(k, r, scratch.resolve(k + "-" + r)));
                }
            }
        } finally {
            org.apache.hadoop.fs.FileUtil.fullyDelete(scratch.toFile());
        }
        summarise();
        run.output().writeTable(ScalingSchema.TABLE, run.spark().createDataFrame(runs, ScalingSchema.SCHEMA));
        run.output().writeTable(ScalingSchema.SUMMARY, run.spark().createDataFrame(summary,
                ScalingSchema.SUMMARY_SCHEMA));
        run.manifest().summary("amdahl_serial_fraction", fit.serial());
        PREDICTED.forEach(k -> run.manifest().summary("amdahl_speedup_" + k, fit.speedup(k)));
        return new ScalingCounts(runs.size(), summary.size());
    }

    /** One run of the job on {@code k} cores, as a process of its own: its row. */
    private Row once(int k, int repeat, Path out) {
        List<String> command = new ArrayList<>(List.of(options.launcher()));
        command.addAll(options.masterArgs(k));
        command.add(options.job());
        command.addAll(options.argsFor(k));
        command.addAll(List.of("--out", out.toString()));
        try {
            Path log = Files.createTempFile("biospark-scaling", ".log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            String output = Files.readString(log);
            Files.delete(log);
            if (p.exitValue() != 0) {
                String why = "the run on " + k + " cores (" + String.join(" ", command) + ") exited with "
                        + p.exitValue() + "; its last lines:\n" + tail(output);
                // the job's own verdict stands: its options wrong, its inputs bad, or it failed
                throw switch (p.exitValue()) {
                    case 2 -> new org.biospark.UsageException(why);
                    case 3 -> new InvalidInputException(options.job(), why);
                    default -> new IllegalStateException(why);
                };
            }
            JsonNode m = JSON.readTree(out.resolve(RunOutput.MANIFEST).toFile());
            JsonNode rt = m.path("runtime");
            return RowFactory.create(runs.size() + 1, k, repeat, options.weak() ? k : 1, wall, m.path("seconds").asDouble(),
                    rt.has("process_cpu_seconds") ? rt.path("process_cpu_seconds").asDouble() : null,
                    rt.has("tasks") ? rt.path("tasks").asLong() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The medians per parallelism and the laws' figures from them, the fit from every run. */
    private void summarise() {
        Map<Integer, List<Row>> byCores = new TreeMap<>();
        runs.forEach(r -> byCores.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(r));
        List<ScalingLaws.Point> points = new ArrayList<>();
        // with --weak, the time per unit of work: a fixed-work study's time
        runs.forEach(r -> points.add(new ScalingLaws.Point(r.getInt(1), r.getDouble(5) / r.getInt(3))));
        fit = ScalingLaws.amdahl(points);
        int base = options.cores().get(0);
        double baseTime = median(byCores.get(base), 5);
        summary = new ArrayList<>();
        byCores.forEach((k, rows) -> {
            double job = median(rows, 5);
            double n = (double) k / base;
            double speedup = options.weak() ? ScalingLaws.scaledSpeedup(baseTime, job, n)
                    : ScalingLaws.speedup(baseTime, job);
            summary.add(RowFactory.create(k, median(rows, 4), job, speedup, ScalingLaws.efficiency(speedup, n),
                    k == base || options.weak() ? null : ScalingLaws.karpFlatt(speedup, n),
                    fit.speedup(k) / fit.speedup(base),
                    options.weak() && k != base ? ScalingLaws.gustafsonSerial(speedup, n) : null));
        });
    }

    private static double median(List<Row> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r.getDouble(column)).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }


    @Override
    protected ScalingResult result(Committed<ScalingCounts> run) {
        return new ScalingResult(run.directory(), run.output().readTable(ScalingSchema.TABLE),
                run.output().readTable(ScalingSchema.SUMMARY), fit);
    }
}
