package org.biospark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.biospark.testing.Golden;
import org.biospark.testing.Installed;
import org.biospark.testing.Processes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: Debian's Chromium opens its pages headless from file URLs, offline, runs their
 * script without a console error, and draws something. Skipped when Chromium is not installed, unless
 * {@code BIOSPARK_REQUIRE_BROWSER} is set (CI sets it, after installing Chromium).
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /**
     * How Chromium logs a page's console message or uncaught error to stderr (every level as INFO:CONSOLE): the
     * report's script logs nothing, so any such line is a failure.
     */
    static final java.util.regex.Pattern CONSOLE_ERROR = java.util.regex.Pattern.compile("CONSOLE[:(]|Uncaught");

    @TempDir
    Path tmp;

    @Test
    void chromiumOpensTheReportWithoutErrorsAndDrawsIt() throws IOException, InterruptedException {
        Installed.orSkip(CHROMIUM, "Chromium", "BIOSPARK_REQUIRE_BROWSER", "the report was not opened");
        // the runs and the report as a user makes them, each a process: this JVM's tests share no Spark session
        String genesets = Golden.GENESET.path("example.gmt").toString();
        launch("gsea", "--gene-sets", genesets, "--ranks", Golden.GENESET.path("example.rnk").toString(),
                "--permutations", "200", "--out", tmp.resolve("gsea").toString());
        launch("align", "--queries", Golden.ALIGN.path("dna_queries.fa").toString(), "--references",
                Golden.ALIGN.path("dna_targets.fa").toString(), "--traceback", "--out", tmp.resolve("align").toString());
        launch("report", "--results", tmp.resolve("gsea").toString(), tmp.resolve("align").toString(), "--out",
                tmp.resolve("report").toString());
        Path index = tmp.resolve("report").resolve(Report.INDEX);
        Path page = index.getParent().resolve(Jsoup.parse(index.toFile(), "UTF-8").select("a[href^=datasets/]")
                .first().attr("href"));
        for (Path html : List.of(index, page)) {
            Path shot = tmp.resolve(html.getFileName() + ".png");
            Processes.Outcome dom = chromium(List.of("--dump-dom", html.toUri().toString()));
            assertEquals(0, dom.exitCode(), dom.output());
            assertFalse(CONSOLE_ERROR.matcher(dom.stderr()).find(), "a script error in " + html + ":\n"
                    + dom.stderr());
            // the page's script ran: it adds a filter box and a pager to every data table
            Document after = Jsoup.parse(dom.stdout());
            assertTrue(after.select("div.pager span").size() > 0 && after.select("div.pager span").first().text()
                    .matches("page 1 of \\d+, \\d+ rows"), html + ": no pager drawn");
            assertTrue(after.select("table.data tbody tr").size() <= Html.PAGE * after.select("table.data").size());
            Processes.Outcome picture = chromium(List.of("--screenshot=" + shot, "--window-size=1280,1600",
                    html.toUri().toString()));
            assertEquals(0, picture.exitCode(), picture.output());
            BufferedImage image = ImageIO.read(shot.toFile());
            assertNotNull(image, shot.toString());
            assertTrue(ReportTest.colours(image) > 2, shot + " is blank");
        }
    }

    private void launch(String... args) throws IOException, InterruptedException {
        Processes.Outcome run = Processes.run(tmp, Map.of(), Processes.script("submit/biospark", args));
        assertEquals(0, run.exitCode(), run.output());
    }

    private Processes.Outcome chromium(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
                "--enable-logging=stderr", "--v=0", "--allow-file-access-from-files"));
        command.addAll(args);
        return Processes.run(new ProcessBuilder(command), Duration.ofMinutes(2));
    }
}
