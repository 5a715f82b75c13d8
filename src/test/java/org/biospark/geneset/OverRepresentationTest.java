package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;

/** Against R 4.2's phyper and p.adjust (golden/geneset/ora, made by regenerate.R there). */
class OverRepresentationTest {
    private static double number(String field) {
        return Double.parseDouble(field.strip());
    }

    @Test
    void upperTailEqualsRsPhyperFromOrdinaryCasesToFarTails() throws IOException {
        List<String[]> cases = Golden.GENESET.rows("ora/phyper_cases.tsv"); // N K n k p
        assertEquals(27, cases.size());
        for (String[] c : cases) {
            int bigN = (int) number(c[0]);
            int bigK = (int) number(c[1]);
            int n = (int) number(c[2]);
            int k = (int) number(c[3]);
            double expected = number(c[4]);
            double ours = OverRepresentation.upperTail(bigN, bigK, n, k);
            String what = String.format("phyper(%d, %d, %d, %d, lower.tail=FALSE)", k - 1, bigK, bigN - bigK, n);
            assertTrue(Math.abs(ours - expected) <= 1e-12 * expected,
                    what + " = " + expected + ", ours " + ours);
        }
    }

    @Test
    void exampleDataEqualsROverlapsPValuesAndBh() throws IOException {
        List<String> list = List.of(Golden.GENESET.text("ora/ora_example_genes.txt").strip().split("\n"));
        List<String> universe = List.copyOf(RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk").scores()
                .keySet());
        Map<String, List<String>> sets = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt").sets();
        OverRepresentation.Outcome<String> outcome = OverRepresentation.run(list, universe, sets,
                new OverRepresentation.Options(15, 500));
        assertEquals(400, outcome.listSize());
        assertEquals(12000, outcome.universeSize());
        assertEquals(0, outcome.listOutsideUniverse());
        Map<String, OraResult<String>> byName = new HashMap<>();
        outcome.results().forEach(r -> byName.put(r.name(), r));
        List<String[]> golden = Golden.GENESET.rows("ora/ora_example.tsv"); // gene_set size overlap expected pval padj
        assertEquals(golden.size(), outcome.results().size());
        for (String[] g : golden) {
            OraResult<String> r = byName.get(g[0]);
            assertEquals((int) number(g[1]), r.size(), g[0]);
            assertEquals((int) number(g[2]), r.overlap(), g[0]);
            assertEquals(r.overlap(), r.genes().size(), g[0]);
            assertEquals(number(g[3]), r.expected(), 1e-12, g[0]);
            assertEquals(number(g[4]), r.pval(), 1e-12 * number(g[4]), g[0]);
            assertEquals(number(g[5]), r.padj(), 1e-12 * number(g[5]), g[0]);
        }
    }

    @Test
    void listGenesOutsideTheUniverseAreLeftOutAndCounted() {
        OverRepresentation.Outcome<String> outcome = OverRepresentation.run(List.of("a", "b", "x", "a"),
                List.of("a", "b", "c", "d", "e", "f"), Map.of("s", List.of("a", "b", "c", "zz")),
                new OverRepresentation.Options(1, 10));
        assertEquals(2, outcome.listSize());
        assertEquals(1, outcome.listOutsideUniverse());
        OraResult<String> r = outcome.results().get(0);
        assertEquals(3, r.size(), "zz is not in the universe");
        assertEquals(List.of("a", "b"), r.genes());
        // phyper(1, 3, 3, 2, lower.tail=FALSE) = choose(3,2)/choose(6,2) = 3/15
        assertEquals(0.2, r.pval(), 1e-15);
        assertEquals(2 / (2.0 * 3 / 6), r.fold(), 1e-15);
    }
}
