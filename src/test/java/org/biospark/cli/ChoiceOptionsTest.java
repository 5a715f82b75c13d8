package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** A closed choice on the command line: parsed by its label, and a wrong value named with the choices. */
class ChoiceOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = BiosparkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
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
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run(c[0].split(" ")), c[0]);
            assertTrue(err.toString().contains(c[1]), c[0] + ": " + err);
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
