package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code biospark score}'s answers to input it cannot score: each says what to change, exits 2 (usage) or 3 (bad
 * input), and leaves no results behind.
 */
class ScoreMistakesTest {
    @TempDir
    Path tmp;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    @BeforeAll
    static void shareTheTestSession() {
        TestSpark.session();
    }

    private Path sets() throws IOException {
        return Files.write(tmp.resolve("sets.gmt"), List.of("UP\tna\tG1\tG2\tG3", "DOWN\tna\tG4\tG5\tG6"));
    }

    private Path matrix(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }

    private int score(Path matrix, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("score", "--gene-sets", sets().toString(),
                "--expression", matrix.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        if (!args.contains("--method")) {
            args.addAll(List.of("--method", "gsva"));
        }
        return cli.run(args.toArray(new String[0]));
    }

    private static String[] genes(String format, int samples) {
        String[] lines = new String[6];
        for (int g = 1; g <= 6; g++) {
            StringBuilder line = new StringBuilder("G" + g);
            for (int j = 0; j < samples; j++) {
                line.append('\t').append(String.format(format, (g * 7 + j * 3) % 10 + 0.5));
            }
            lines[g - 1] = line.toString();
        }
        return lines;
    }

    private static String[] with(String header, String[] rows) {
        String[] all = new String[rows.length + 1];
        all[0] = header;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }

    @Test
    void aMatrixOfOneSampleIsBadInputThatSaysWhy() throws IOException {
        assertEquals(ExitCodes.BAD_INPUT, score(matrix("one.tsv", with("gene\tS1", genes("%.1f", 1)))));
        assertTrue(cli.err().contains("the matrix has 1 sample: single-sample scores rank each gene"), cli.err());
        assertTrue(cli.err().contains("at line 1 of file:" + tmp.resolve("one.tsv")), cli.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aSampleNamedTwiceIsBadInputNamingItsColumns() throws IOException {
        assertEquals(ExitCodes.BAD_INPUT, score(matrix("twice.tsv", with("gene\tS1\tS2\tS1", genes("%.1f", 3)))));
        assertTrue(cli.err().contains("sample S1 names columns 1 and 3"), cli.err());
    }

    @Test
    void countsThatAreNotWholeNumbersUnderThePoissonKernelAreAUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, score(matrix("reads.tsv", with("gene\tS1\tS2\tS3", genes("%.1f", 3))),
                "--kcdf", "poisson"));
        assertTrue(cli.err().contains("--kcdf poisson is for counts"), cli.err());
        // the first task to meet a fraction names its line
        assertTrue(java.util.regex.Pattern.compile("reads\\.tsv:\\d \\(gene G\\d, sample S1\\) holds \\d\\.5")
                .matcher(cli.err()).find(), cli.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void noSetLeftIsBadInputThatSaysWhatToCheck() throws IOException {
        String[] rows = genes("%.1f", 3);
        for (int g = 0; g < rows.length; g++) {
            rows[g] = rows[g].replace("G", "ENSG0000");
        }
        assertEquals(ExitCodes.BAD_INPUT, score(matrix("ids.tsv", with("gene\tS1\tS2\tS3", rows))));
        assertTrue(cli.err().contains("none of the 2 gene sets has at least 1 of its genes among the 6 usable genes;"
                + " check that the matrix and the gene sets name genes the same way"), cli.err());
    }

    @Test
    void labelsOfOneClassAndOptionsOfAnotherMethodAreRefused() throws IOException {
        Path m = matrix("m.tsv", with("gene\tS1\tS2\tS3\tS4", genes("%.1f", 4)));
        Path cls = Files.write(tmp.resolve("one.cls"), List.of("4 1 1", "# A", "A A A A"));
        assertEquals(ExitCodes.BAD_INPUT, score(m, "--labels", cls.toString()));
        assertTrue(cli.err().contains("every sample is in class A"), cli.err());
        assertEquals(ExitCodes.USAGE, score(m, "--method", "ssgsea", "--kcdf", "none"));
        assertTrue(cli.err().contains("--kcdf is for --method gsva"), cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("score", "--method", "zscore", "--gene-sets", sets().toString(),
                "--expression", m.toString(), "--resume", tmp.resolve("old").toString()));
        assertTrue(cli.err().contains("score has no --resume"), cli.err());
    }

    @Test
    void aTableWithoutTheGeneColumnNamesTheColumnsItHasAndTheOption() throws IOException {
        String[] rows = genes("%.1f", 3);
        for (int g = 0; g < rows.length; g++) {
            rows[g] = rows[g].replace('\t', ',');
        }
        Path table = matrix("m.csv", with("symbol,S1,S2,S3", rows));
        assertEquals(ExitCodes.BAD_INPUT, score(table));
        assertTrue(cli.err().contains("no column 'gene'; the table has columns symbol, S1, S2, S3: name the gene"
                + " column with --gene-column"), cli.err());
        assertFalse(Files.exists(tmp.resolve("out")));
        assertEquals(ExitCodes.OK, score(table, "--gene-column", "symbol"));
        assertTrue(cli.out().contains("genes: 6 of 6 gene lines used"), cli.out());
    }

    @Test
    void theDevelopmentDataIsScoredAndSaysWhereTheRowsAre() throws IOException {
        assertEquals(ExitCodes.OK, cli.run("score", "--method", "zscore", "--gene-sets",
                Golden.GENESET.path("synth.gmt").toString(), "--expression",
                Golden.GENESET.path("synth.gct").toString(), "--labels", Golden.GENESET.path("synth.cls").toString(),
                "--out", tmp.resolve("dev").toString()), cli.err());
        assertTrue(cli.out().contains("genes: 8000 of 8000 gene lines used; sets: 150 (dataset, set) pairs scored"),
                cli.out());
        assertTrue(cli.out().contains("results: 2400 rows in"), cli.out());
        assertTrue(cli.out().contains("150 in"), cli.out());
    }
}
