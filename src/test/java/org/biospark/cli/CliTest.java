package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.biospark.TestSpark;
import org.biospark.io.InvalidInputException;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line as a user meets it: exit codes, messages, and the results of a real run. */
class CliTest {
    @TempDir
    Path tmp;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    @BeforeAll
    static void shareTheTestSession() {
        TestSpark.session();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(cli.out().contains("sumrange"), cli.out());
        assertTrue(cli.out().contains("demo"), cli.out());
        assertTrue(cli.out().contains("Exit codes"), cli.out());
    }

    @Test
    void versionNamesBiosparkSparkAndJava() {
        assertEquals(ExitCodes.OK, run("--version"));
        assertTrue(cli.out().startsWith("biospark "), cli.out());
        assertTrue(cli.out().contains("Spark 4.2.0"), cli.out());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run());
        assertTrue(cli.err().contains("Missing a command"), cli.err());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run("sumrange", "--to", "10"));
        assertTrue(cli.err().contains("--out"), cli.err());
        assertEquals(ExitCodes.USAGE, run("sumrange", "--to", "ten", "--out", tmp.toString()));
        assertEquals(ExitCodes.USAGE, run("sumrange", "--to", "10", "--engine", "gpu", "--out", tmp.toString()));
        assertEquals(ExitCodes.USAGE, run("nosuchcommand"));
    }

    @Test
    void optionsOutOfRangeAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run("sumrange", "--from", "10", "--to", "5", "--out", tmp.resolve("a").toString()));
        assertTrue(cli.err().contains("must not be smaller"), cli.err());
        assertEquals(ExitCodes.USAGE, run("sumrange", "--to", "10000000000000000", "--out", tmp.resolve("b").toString()));
        assertEquals(ExitCodes.USAGE, run("sumrange", "--to", "10", "--partitions", "-1", "--out", tmp.resolve("c").toString()));
    }

    @Test
    void anExistingOutputIsRefused() throws IOException {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("x"), "x");
        assertEquals(ExitCodes.USAGE, run("sumrange", "--to", "100", "--out", taken.toString()));
        assertTrue(cli.err().contains("--overwrite"), cli.err());
        assertEquals(ExitCodes.OK, run("sumrange", "--to", "100", "--out", taken.toString(), "--overwrite"));
    }

    @Test
    void sumrangePrintsTheExactTotal() {
        Path result = tmp.resolve("sum");
        assertEquals(ExitCodes.OK, run("sumrange", "--to", "1000000", "--partitions", "3", "--out", result.toString()));
        assertTrue(cli.out().contains("total 499999500000 "), cli.out());
        assertTrue(Files.isDirectory(result.resolve("sumrange")));
        assertEquals(ExitCodes.OK, run("sumrange", "--from", "-5", "--to", "5", "--engine", "THREADS",
                "--threads", "2", "--out", tmp.resolve("threads").toString()));
        assertTrue(cli.out().contains("total -5 "), cli.out());
    }

    @Test
    void demoRunsAndReplacesOnlyItsOwnOutput() throws IOException {
        Path demo = tmp.resolve("demo");
        assertEquals(ExitCodes.OK, run("demo", "--out", demo.toString()));
        assertTrue(Files.exists(demo.resolve("sumrange").resolve("_manifest.json")));
        assertTrue(Files.exists(demo.resolve("align").resolve("_manifest.json")));
        assertTrue(cli.out().contains("queries: 1000 read, 1000 aligned, 0 rejected"), cli.out());
        Path index = demo.resolve("report/index.html").toAbsolutePath();
        assertTrue(cli.out().contains("Report (open in a browser): " + index), cli.out());
        assertTrue(Files.readString(index).contains("Sets significant anywhere"));
        // the score step is the golden configuration: R's GSVA scores of the development data, to 1e-6
        Map<String, Double> golden = new HashMap<>();
        for (String[] f : Golden.GENESET.rows("gsva/gsva_dev.tsv")) {
            if (f[0].equals("gsva")) {
                golden.put(f[1] + "\t" + f[2], Double.parseDouble(f[3]));
            }
        }
        List<Row> scores = TestSpark.session().read().parquet(demo.resolve("score/scores").toString())
                .collectAsList();
        assertEquals(golden.size(), scores.size());
        for (Row r : scores) {
            double theirs = golden.get(r.getAs("gene_set") + "\t" + r.getAs("sample"));
            assertEquals(theirs, r.<Double>getAs("score"), 1e-6 * Math.abs(theirs), r.toString());
        }
        assertTrue(cli.out().contains("five smallest adjusted p-values of the difference:"), cli.out());
        assertEquals(ExitCodes.OK, run("demo", "--out", demo.toString()), "a second demo replaces the first");

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("data.txt"), "not a demo");
        assertEquals(ExitCodes.USAGE, run("demo", "--out", other.toString()));
        assertTrue(Files.exists(other.resolve("data.txt")));
    }

    @Test
    void reportRefusesWhatIsNotARunAndADirectoryThatIsNotAReport() throws IOException {
        Path notARun = Files.createDirectories(tmp.resolve("plain"));
        assertEquals(ExitCodes.BAD_INPUT, run("report", "--results", notARun.toString(), "--out",
                tmp.resolve("r").toString()));
        assertTrue(cli.err().contains("not a biospark run directory: no _manifest.json"), cli.err());
        Path summed = tmp.resolve("summed");
        assertEquals(ExitCodes.OK, run("sumrange", "--to", "1000", "--out", summed.toString()));
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertEquals(ExitCodes.USAGE, run("report", "--results", summed.toString(), "--out", busy.toString(),
                "--overwrite"));
        assertTrue(cli.err().contains("holds something that is not a report"), cli.err());
        assertTrue(Files.exists(busy.resolve("notes.txt")));
        assertEquals(ExitCodes.OK, run("report", "--results", summed.toString(), "--out", tmp.resolve("r")
                .toString()), cli.err());
        assertTrue(cli.out().matches("(?s)report: .*index.html \\(1 figures, .*"), cli.out());
    }

    @Test
    void gseaOnTwoDatasetsThenSqlOverTwoRuns() throws Exception {
        Path ranks = tmp.resolve("ranks");
        Files.createDirectories(ranks);
        Files.write(ranks.resolve("a.rnk"), Golden.GENESET.lines("example.rnk"));
        // the same genes, ranked upside down
        Files.write(ranks.resolve("b.rnk"), Golden.GENESET.fields("example.rnk").stream()
                .map(f -> f[0] + "\t" + (-Double.parseDouble(f[1]))).toList());
        String gmt = Golden.GENESET.path("example.gmt").toString();
        String first = tmp.resolve("run1").toString();
        String second = tmp.resolve("run2").toString();
        assertEquals(ExitCodes.OK, run("gsea", "--gene-sets", gmt, "--ranks", ranks.toString(),
                "--permutations", "100", "--out", first), cli.err());
        assertTrue(cli.out().contains("datasets: 2;"), cli.out());
        assertTrue(cli.out().contains("results: 1172 rows"), cli.out());
        assertEquals(ExitCodes.OK, run("gsea", "--gene-sets", gmt, "--ranks",
                ranks.resolve("a.rnk").toString(), "--permutations", "100", "--seed", "7", "--out", second));
        // a set across datasets and runs: its ES flips sign with the ranking, and is the same in both runs
        assertEquals(ExitCodes.OK, run("sql", "--results", first, second, "--format", "csv",
                "SELECT run, dataset, round(es, 6) AS es FROM gsea WHERE gene_set = '5990980_Cell_Cycle'"
                        + " ORDER BY run, dataset"), cli.err());
        assertEquals(String.join("\n", "run,dataset,es", first + ",a,0.53885", first + ",b,-0.53885",
                second + ",a,0.53885"), cli.out().strip());
        assertEquals(ExitCodes.OK, run("sql", "--results", first, second, "--format", "csv",
                "SELECT command, counts['sets_tested'] AS tested FROM runs ORDER BY tested"));
        assertEquals("command,tested\ngsea,586\ngsea,1172", cli.out().strip());
        assertEquals(ExitCodes.USAGE, run("sql", "--results", first, "SELECT nope FROM gsea"));
        assertTrue(cli.err().contains("UNRESOLVED_COLUMN"), cli.err());
        assertEquals(ExitCodes.BAD_INPUT, run("sql", "--results", tmp.toString(), "SELECT 1"));
    }

    @Test
    void gseaWithAMalformedFileExitsWith3() throws Exception {
        Path gmt = tmp.resolve("empty.gmt");
        Files.write(gmt, java.util.List.of("only\ttwo"));
        assertEquals(ExitCodes.BAD_INPUT, run("gsea", "--gene-sets", gmt.toString(), "--ranks",
                Golden.GENESET.path("example.rnk").toString(), "--out", tmp.resolve("x").toString()));
        assertTrue(cli.err().contains("no gene set in the file"), cli.err());
        assertEquals(ExitCodes.USAGE, run("gsea", "--gene-sets", gmt.toString(), "--out", tmp.resolve("y").toString()));
    }

    @Test
    void badInputExitsWith3AndNamesFileAndLine() {
        InvalidInputException bad = new InvalidInputException("reads.fa", 12, "sequence line before the first header");
        // As it arrives from an executor: wrapped by Spark.
        int code = cli.report(new SparkException("Job aborted", bad));
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertTrue(cli.err().contains("sequence line before the first header at line 12 of reads.fa"), cli.err());
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsTrace() {
        int code = cli.report(new IllegalStateException("broken invariant"));
        assertEquals(ExitCodes.INTERNAL_ERROR, code);
        assertTrue(cli.err().contains("internal error"), cli.err());
        assertTrue(cli.err().contains("at org.biospark"), "stack trace expected: " + cli.err());
    }

    @Test
    void aWrongValueOfEveryChoiceIsAUsageErrorNamingTheChoices() {
        String[][] cases = {
            {"align --queries q.fa --references r.fa --out o --mode glocal", "global, semiglobal or local"},
            {"align --queries q.fa --references r.fa --out o --alphabet rna", "dna or protein"},
            {"gsea --gene-sets s.gmt --ranks r.rnk --out o --method gsva", "preranked, phenotype or ora"},
            {"gsea --gene-sets s.gmt --ranks r.rnk --out o --metric snr",
                "signal2noise, ttest, diff_of_means, ratio_of_means or log2_ratio_of_means"},
            {"sumrange --to 10 --out o --engine gpu", "spark, threads or serial"},
            {"sql --results r --format json SELECT", "table, csv or parquet"},
        };
        for (String[] c : cases) {
            assertEquals(ExitCodes.USAGE, run(c[0].split(" ")), c[0]);
            assertTrue(cli.err().contains(c[1]), c[0] + ": " + cli.err());
        }
    }

    @Test
    void labelsAreReadIgnoringCaseAndHyphens() {
        CommandLine commandLine = BiosparkCommand.commandLine();
        CommandLine.ParseResult parsed = commandLine.parseArgs("gsea", "--gene-sets", "s.gmt", "--ranks", "r.rnk",
                "--out", "o", "--metric", "Diff-Of-Means", "--method", "PRERANKED");
        GseaCommand gsea = (GseaCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(org.biospark.geneset.RankingMetric.DIFF_OF_MEANS, gsea.metric);
        assertEquals(org.biospark.spark.gsea.GseaMethod.PRERANKED, gsea.method);
        parsed = commandLine.parseArgs("align", "--queries", "q", "--references", "r", "--out", "o", "--mode",
                "semiglobal");
        AlignCommand align = (AlignCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(org.biospark.align.AlignmentMode.SEMI_GLOBAL, align.mode);
    }
}
