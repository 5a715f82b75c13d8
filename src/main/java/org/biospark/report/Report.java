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
                    default -> "";
                });
            }
            Path index = out.resolve(INDEX);
            Files.writeString(index, Html.page("biospark report", body.toString()));
            return new Written(index, images.count(), size(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + out, e);
        }
    }

    /** An empty report directory: a new one, or one whose earlier report {@code overwrite} allows to replace. */
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
                    try (Stream<Path> all = Files.walk(out)) {
                        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            if (!p.equals(out)) {
                                Files.delete(p);
                            }
                        }
                    }
                }
            }
        }
        Files.createDirectories(out);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
