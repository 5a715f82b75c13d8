package org.biospark.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.spark.ResultViews;
import org.biospark.spark.scaling.ScalingSchema;

/**
 * {@code biospark report}: one self-contained HTML report of one or more finished runs of any command, an
 * {@code index.html} with its figures under {@code img/} and a page per leading dataset under {@code datasets/},
 * readable offline (no network, nothing fetched when it opens).
 */
public final class Report {
    /** The report's front page. */
    public static final String INDEX = "index.html";
    /** The tables a run may hold. */
    static final List<String> TABLES = java.util.stream.Stream.concat(ResultViews.TABLES.stream(),
            Stream.of(ScalingSchema.TABLE, ScalingSchema.SUMMARY)).toList();

    private Report() {
    }

    /**
     * What was written.
     *
     * @param index   the front page
     * @param figures the figures drawn
     * @param bytes   the report's size on disk
     */
    public record Written(Path index, int figures, long bytes) {
    }

    public static Written write(SparkSession spark, List<String> runs, Path out, boolean overwrite,
                                ReportOptions options) {
        if (runs.isEmpty()) {
            throw new UsageException("--results needs at least one run directory");
        }
        try {
            List<RunDirectory> opened = new ArrayList<>();
            for (String run : runs) {
                opened.add(RunDirectory.open(spark, run, TABLES));
            }
            prepare(out, overwrite); // after the runs are found good, so that a mistake keeps an earlier report
            // written beside its place and moved there whole: a failure leaves no half report behind
            Path staging = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".report-"
                    + java.util.UUID.randomUUID());
            try {
                Files.createDirectories(staging);
                int figures = write(spark, opened, staging, options);
                replace(out, staging);
                return new Written(out.resolve(INDEX), figures, size(out));
            } finally {
                delete(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + out, e);
        }
    }

    /** Writes the report of {@code opened} into {@code out}; returns how many figures it drew. */
    private static int write(SparkSession spark, List<RunDirectory> opened, Path out, ReportOptions options)
            throws IOException {
        Images images = new Images(out);
        StringBuilder body = new StringBuilder("<p class=\"note\">").append(opened.size())
                .append(opened.size() == 1 ? " run" : " runs").append(": ");
        for (int i = 0; i < opened.size(); i++) {
            body.append(i > 0 ? ", " : "").append("<a href=\"#run").append(i + 1).append("\">")
                    .append(Html.escape(opened.get(i).command())).append(" ")
                    .append(Html.escape(opened.get(i).path())).append("</a>");
        }
        body.append("</p>\n");
        for (int i = 0; i < opened.size(); i++) {
            RunDirectory run = opened.get(i);
            body.append("<h2 id=\"run").append(i + 1).append("\">").append(Html.escape(run.command()))
                    .append(": ").append(Html.escape(run.path())).append("</h2>\n");
            body.append(RunSection.html(run));
            body.append(switch (run.command()) {
                case "gsea" -> GseaSection.html(spark, out, i + 1, run, options, images);
                case "align" -> AlignSection.html(run, options, images);
                case "sumrange" -> SumRangeSection.html(run, images);
                case "scaling" -> ScalingSection.html(run, images);
                case "score" -> ScoreSection.html(run, images);
                default -> "";
            });
        }
        Files.writeString(out.resolve(INDEX), Html.page("biospark report", body.toString()));
        return images.count();
    }

    /** Puts the finished report in {@code staging} where {@code out} was (empty, or an earlier report). */
    private static void replace(Path out, Path staging) throws IOException {
        delete(out);
        Files.move(staging, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir) && !org.apache.hadoop.fs.FileUtil.fullyDelete(dir.toFile())) {
            throw new IOException("cannot remove " + dir);
        }
    }

    /** Checks that {@code out} may take the report: absent, empty, or an earlier report with {@code overwrite}. */
    private static void prepare(Path out, boolean overwrite) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    if (!overwrite) {
                        throw new UsageException(out + " is not empty: choose another --out, or add --overwrite");
                    }
                    if (!Files.exists(out.resolve(INDEX))) {
                        throw new UsageException(out + " holds something that is not a report: --overwrite replaces"
                                + " only a report's directory");
                    }
                }
            }
        } else if (Files.exists(out)) {
            throw new UsageException(out + " is a file: choose a directory for --out");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
