package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gsea} with tables on the command line: a tool's result table, the options that name columns, mistakes. */
class TableInputsCliTest {
    @TempDir
    Path tmp;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    @BeforeAll
    static void shareTheTestSession() {
        TestSpark.session();
    }

    /** fgsea's example ranks as limma's topTable writes it with write.csv: an unnamed row-name column, then t. */
    private Path limmaCsv() throws IOException {
        List<String> lines = new ArrayList<>(List.of("\"\",\"logFC\",\"AveExpr\",\"t\",\"P.Value\",\"adj.P.Val\",\"B\""));
        for (String[] f : Golden.GENESET.fields("example.rnk")) {
            lines.add("\"" + f[0] + "\",0.5,7.1," + f[1] + ",0.01,0.05,1.2");
        }
        lines.add("\"NOSTAT\",0.5,7.1,NA,NA,NA,NA");
        Path csv = tmp.resolve("topTable.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void aLimmaTableRanksByTAndGivesTheRnksRows() throws IOException {
        String gmt = Golden.GENESET.path("example.gmt").toString();
        Path csv = limmaCsv();
        assertEquals(ExitCodes.BAD_INPUT, cli.run("gsea", "--gene-sets", gmt, "--ranks", csv.toString(),
                "--rank-by", "limma", "--out", tmp.resolve("a").toString()));
        assertTrue(cli.err().contains("no column 'gene'; the table has columns _c0, logFC, AveExpr, t, P.Value,"
                + " adj.P.Val, B: name the gene column with --gene-column"), cli.err());

        assertEquals(ExitCodes.OK, cli.run("gsea", "--gene-sets", gmt, "--ranks", csv.toString(), "--rank-by", "limma",
                "--gene-column", "_c0", "--permutations", "100", "--out", tmp.resolve("b").toString()), cli.err());
        assertTrue(cli.out().contains("datasets: 1;"), cli.out());
        assertTrue(cli.out().contains("results: 586 rows"), cli.out());
        long tableRejects = rejects(cli.out());

        Path rnk = tmp.resolve("topTable.rnk");
        Files.write(rnk, Golden.GENESET.lines("example.rnk"));
        assertEquals(ExitCodes.OK, cli.run("gsea", "--gene-sets", gmt, "--ranks", rnk.toString(), "--permutations",
                "100", "--out", tmp.resolve("c").toString()), cli.err());
        assertEquals(rejects(cli.out()) + 1, tableRejects, "the sets the size filter left out, and the NA statistic");
        assertEquals(ExitCodes.OK, cli.run("sql", "--results", tmp.resolve("b").toString(), tmp.resolve("c").toString(),
                "--format", "csv", "SELECT count(*) AS differ FROM (SELECT gene_set, es, nes, pval, padj, fdr_q,"
                        + " leading_edge FROM gsea WHERE run LIKE '%/b' EXCEPT SELECT gene_set, es, nes, pval, padj,"
                        + " fdr_q, leading_edge FROM gsea WHERE run LIKE '%/c')"), cli.err());
        assertEquals("differ\n0", cli.out().strip(), "the table and the RNK give the same numbers");
    }

    @Test
    void geneListsFromOneCsvTableAreTestedAsTheirFilesAre() throws IOException {
        String gmt = Golden.GENESET.path("example.gmt").toString();
        List<String> genes = Golden.GENESET.fields("example.rnk").stream().map(f -> f[0]).toList();
        List<String> lines = new ArrayList<>(List.of("contrast,symbol"));
        genes.subList(0, 200).forEach(g -> lines.add("up," + g));
        genes.subList(genes.size() - 200, genes.size()).forEach(g -> lines.add("down," + g));
        Path csv = Files.write(tmp.resolve("hits.csv"), lines);
        assertEquals(ExitCodes.BAD_INPUT, cli.run("gsea", "--gene-sets", gmt, "--genes", csv.toString(),
                "--out", tmp.resolve("a").toString()));
        assertTrue(cli.err().contains("no column 'gene'; the table has columns contrast, symbol: name the gene"
                + " column with --gene-column"), cli.err());
        assertEquals(ExitCodes.OK, cli.run("gsea", "--gene-sets", gmt, "--genes", csv.toString(), "--gene-column",
                "symbol", "--dataset-column", "contrast", "--out", tmp.resolve("b").toString()), cli.err());
        assertTrue(cli.out().contains("datasets: 2;"), cli.out());
        Files.createDirectories(tmp.resolve("lists"));
        Files.write(tmp.resolve("lists/up.txt"), genes.subList(0, 200));
        Files.write(tmp.resolve("lists/down.txt"), genes.subList(genes.size() - 200, genes.size()));
        assertEquals(ExitCodes.OK, cli.run("gsea", "--gene-sets", gmt, "--genes", tmp.resolve("lists/up.txt")
                .toString(), tmp.resolve("lists/down.txt").toString(), "--out", tmp.resolve("c").toString()),
                cli.err());
        assertEquals(ExitCodes.OK, cli.run("sql", "--results", tmp.resolve("b").toString(), tmp.resolve("c").toString(),
                "--format", "csv", "SELECT (SELECT count(*) FROM gsea WHERE run LIKE '%/b') AS tested,"
                        + " (SELECT count(*) FROM (SELECT dataset, gene_set, pval, padj FROM gsea WHERE run LIKE"
                        + " '%/b' EXCEPT SELECT dataset, gene_set, pval, padj FROM gsea WHERE run LIKE '%/c'))"
                        + " AS differ"), cli.err());
        assertEquals("tested,differ\n1574,0", cli.out().strip(), "the table and the files give the same numbers");
    }

    private static long rejects(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rejects: (\\d+) rows").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void tableMistakesAreSaidPlainly() throws IOException {
        String gmt = Golden.GENESET.path("example.gmt").toString();
        Path csv = limmaCsv();
        assertEquals(ExitCodes.BAD_INPUT, cli.run("gsea", "--gene-sets", gmt, "--ranks", csv.toString(),
                "--gene-column", "_c0", "--out", tmp.resolve("a").toString()));
        assertTrue(cli.err().contains("no column 'score'") && cli.err().contains("--rank-by deseq2, deseq2-p, limma"
                + " or edger"), cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("gsea", "--gene-sets", gmt, "--ranks", csv.toString(),
                "--rank-by", "sleuth", "--out", tmp.resolve("b").toString()));
        assertTrue(cli.err().contains("column, deseq2, deseq2-p, limma or edger"), cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("gsea", "--gene-sets", gmt, "--ranks", csv.toString(),
                "--format", "xlsx", "--out", tmp.resolve("c").toString()));
        assertTrue(cli.err().contains("--format must be one of parquet, orc, csv, tsv, delta"), cli.err());
        Path rnk = tmp.resolve("x.rnk");
        Files.write(rnk, Golden.GENESET.lines("example.rnk"));
        assertEquals(ExitCodes.USAGE, cli.run("gsea", "--gene-sets", gmt, "--ranks", csv.toString(), rnk.toString(),
                "--out", tmp.resolve("d").toString()));
        assertTrue(cli.err().contains("--ranks mixes tables and RNK files"), cli.err());
    }
}
