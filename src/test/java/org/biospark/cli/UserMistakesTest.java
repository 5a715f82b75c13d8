package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The mistakes users make with gene-set inputs, answered with what to change: identifiers that match nothing,
 * sets the size filter empties, labels of one class or of three, a wrong GCT version line, an RNK separated by
 * spaces, a byte-order mark. Exit 3 for bad input, 2 for a choice to make, 0 with a warning where something
 * could still be tested.
 */
class UserMistakesTest {
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

    private static String golden(String name) {
        return Golden.GENESET.path(name).toString();
    }

    /** The example collection with each Entrez id turned into a made-up symbol: the same sets, other names. */
    private Path symbols() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Golden.GENESET.lines("example.gmt")) {
            String[] f = line.split("\t");
            StringBuilder renamed = new StringBuilder(f[0] + "\t" + f[1]);
            for (int i = 2; i < f.length; i++) {
                renamed.append("\tGENE").append(f[i]);
            }
            lines.add(renamed.toString());
        }
        return Files.write(tmp.resolve("symbols.gmt"), lines);
    }

    private JsonNode manifest(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
    }

    @Test
    void identifiersThatMatchNothingAreBadInputThatSaysSoWithExamples() throws IOException {
        Path out = tmp.resolve("none");
        assertEquals(ExitCodes.BAD_INPUT, run("gsea", "--gene-sets", symbols().toString(), "--ranks",
                golden("example.rnk"), "--permutations", "100", "--out", out.toString()));
        String message = cli.err();
        assertTrue(message.contains("no gene matched"), message);
        assertTrue(message.contains("0 of the dataset's 12,000 genes"), message);
        assertTrue(message.contains("the sets GENE"), message);
        assertTrue(message.contains("the same way"), message);
        assertFalse(message.contains("internal error"), message);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aDatasetThatMatchesNothingBesideOneThatDoesIsReportedAndTheOtherTested() throws IOException {
        Path ranks = Files.createDirectories(tmp.resolve("ranks"));
        Files.copy(Path.of(golden("example.rnk")), ranks.resolve("entrez.rnk"));
        List<String> renamed = Golden.GENESET.lines("example.rnk").stream().map(l -> "SYM" + l).toList();
        Files.write(ranks.resolve("symbols.rnk"), renamed);
        Path out = tmp.resolve("mixed");
        assertEquals(ExitCodes.OK, run("gsea", "--gene-sets", golden("example.gmt"), "--ranks", ranks.toString(),
                "--permutations", "100", "--out", out.toString()));
        assertTrue(cli.err().contains("symbols: nothing tested: no gene matched"), cli.err());
        JsonNode m = manifest(out);
        assertEquals(1, m.get("counts").get("datasets_untested").asInt());
        assertEquals("symbols", m.get("summary").get("untested_datasets").get(0).get("dataset").asText());
        assertEquals(586, m.get("counts").get("sets_tested").asInt());
    }

    @Test
    void fewMatchingGenesGiveAWarningWithTheCounts() throws IOException {
        // a tenth of the genes keep their Entrez ids: most sets still have enough of them to be tested
        List<String> lines = Golden.GENESET.lines("example.rnk");
        List<String> mostRenamed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            mostRenamed.add(i % 10 == 0 ? lines.get(i) : "X" + lines.get(i));
        }
        Path rnk = Files.write(tmp.resolve("few.rnk"), mostRenamed);
        Path out = tmp.resolve("few");
        assertEquals(ExitCodes.OK, run("gsea", "--gene-sets", golden("example.gmt"), "--ranks", rnk.toString(),
                "--min-size", "2", "--permutations", "100", "--out", out.toString()));
        // of the 1,200 genes kept, the 354 the sets name match; the collection has 7,111 genes
        assertTrue(cli.err().contains("few: few genes match: 354 of the dataset's 12,000 genes (3.0%) are in"
                + " the gene sets, which have 7,111 genes; the dataset has X"), cli.err());
    }

    @Test
    void setsTheSizeFilterEmptiesAreBadInputThatNamesTheOptionToChange() {
        Path out = tmp.resolve("filtered");
        assertEquals(ExitCodes.BAD_INPUT, run("gsea", "--gene-sets", golden("example.gmt"), "--ranks",
                golden("example.rnk"), "--min-size", "5000", "--max-size", "6000", "--out", out.toString()));
        assertTrue(cli.err().contains("no set left after the size filter"), cli.err());
        assertTrue(cli.err().contains("fewer than --min-size 5000: lower --min-size"), cli.err());
    }

    @Test
    void labelsOfOneClassAreBadInputAtTheirLine() throws IOException {
        Path cls = Files.writeString(tmp.resolve("one.cls"), "16 2 1\n# A B\n" + "A ".repeat(16).strip() + "\n");
        assertEquals(ExitCodes.BAD_INPUT, phenotype(cls));
        assertTrue(cli.err().contains("every sample is in class A"), cli.err());
        assertTrue(cli.err().contains("at line 3 of"), cli.err());
    }

    @Test
    void labelsOfThreeClassesAskForClassAAndThenCompareItWithTheRest() throws IOException {
        Path cls = Files.writeString(tmp.resolve("three.cls"),
                "16 3 1\n# A B C\nA A A A A A A A B B B B C C C C\n");
        assertEquals(ExitCodes.USAGE, phenotype(cls));
        assertTrue(cli.err().contains("has 3 classes [A, B, C]"), cli.err());
        assertTrue(cli.err().contains("--class-a"), cli.err());
        assertEquals(ExitCodes.OK, phenotype(cls, "--class-a", "A"));
        assertTrue(cli.err().contains("class A against the others, together: B+C"), cli.err());
        assertEquals(ExitCodes.USAGE, phenotype(cls, "--class-a", "D"));
        assertTrue(cli.err().contains("--class-a D is not a class of"), cli.err());
    }

    @Test
    void labelsThatDoNotMatchTheMatrixAreBadInput() throws IOException {
        Path cls = Files.writeString(tmp.resolve("short.cls"), "15 2 1\n# A B\nA A A A A A A A B B B B B B B\n");
        assertEquals(ExitCodes.BAD_INPUT, phenotype(cls));
        assertTrue(cli.err().contains("the CLS file has 15 labels and"), cli.err());
        assertTrue(cli.err().contains("has 16 samples"), cli.err());
    }

    @Test
    void aGctOfAnotherVersionIsBadInputAtItsFirstLine() throws IOException {
        List<String> lines = new ArrayList<>(Golden.GENESET.lines("synth.gct"));
        lines.set(0, "#1.3");
        Path gct = Files.write(tmp.resolve("v13.gct"), lines);
        assertEquals(ExitCodes.BAD_INPUT, run("gsea", "--gene-sets", golden("synth.gmt"), "--expression",
                gct.toString(), "--labels", golden("synth.cls"), "--out", tmp.resolve("v13").toString()));
        assertTrue(cli.err().contains("'#1.3'"), cli.err());
        assertTrue(cli.err().contains("at line 1 of"), cli.err());
    }

    @Test
    void anRnkSeparatedBySpacesIsBadInputThatSaysSo() throws IOException {
        List<String> spaced = Golden.GENESET.lines("example.rnk").stream().map(l -> l.replace('\t', ' ')).toList();
        Path rnk = Files.write(tmp.resolve("spaced.rnk"), spaced);
        assertEquals(ExitCodes.BAD_INPUT, run("gsea", "--gene-sets", golden("example.gmt"), "--ranks",
                rnk.toString(), "--out", tmp.resolve("spaced").toString()));
        assertTrue(cli.err().contains("separated by a space, not a tab"), cli.err());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstRecord() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        Path fasta = tmp.resolve("bom.fa");
        Files.write(fasta, concat(bom, ">q1\nACGTACGT\n>q2\nACGTTT\n".getBytes(StandardCharsets.US_ASCII)));
        Path ref = Files.writeString(tmp.resolve("ref.fa"), ">r\nACGTACGTAA\n");
        Path out = tmp.resolve("bom-align");
        assertEquals(ExitCodes.OK, run("align", "--queries", fasta.toString(), "--references", ref.toString(),
                "--out", out.toString()));
        assertEquals(2, manifest(out).get("counts").get("queries_aligned").asInt(), cli.out());
        Path rnk = tmp.resolve("bom.rnk");
        Files.write(rnk, concat(bom, Files.readAllBytes(Path.of(golden("example.rnk")))));
        Path gmt = tmp.resolve("bom.gmt");
        Files.write(gmt, concat(bom, Files.readAllBytes(Path.of(golden("example.gmt")))));
        Path gsea = tmp.resolve("bom-gsea");
        assertEquals(ExitCodes.OK, run("gsea", "--gene-sets", gmt.toString(), "--ranks", rnk.toString(),
                "--permutations", "100", "--out", gsea.toString()));
        JsonNode counts = manifest(gsea).get("counts");
        assertEquals(586, counts.get("sets_tested").asInt());
        assertEquals(12000, counts.get("dataset_lines_used").asInt());
    }

    private int phenotype(Path cls, String... more) {
        List<String> args = new ArrayList<>(List.of("gsea", "--gene-sets", golden("synth.gmt"), "--expression",
                golden("synth.gct"), "--labels", cls.toString(), "--permutations", "100", "--out",
                tmp.resolve("pheno-" + System.nanoTime()).toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
