package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ES, size and leading edge of every example set equal fgsea 1.31.6's and GSEA desktop 4.4.0's. */
class EnrichmentGoldenTest {
    private static RankedList list;
    private static Map<String, Enrichment> ours;

    @BeforeAll
    static void scoreEverySet() throws IOException {
        RankFile ranks = RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk");
        assertEquals(List.of(), ranks.problems());
        list = RankedList.of(ranks.scores());
        double[] weights = list.weights(1.0);
        GmtFile gmt = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt");
        ours = new HashMap<>();
        gmt.sets().forEach((name, genes) -> {
            int[] positions = list.positions(genes);
            if (positions.length >= 15 && positions.length <= 500) {
                ours.put(name, EnrichmentScore.of(list, positions, weights));
            }
        });
    }

    @Test
    void theSizeFilterKeeps586Sets() {
        assertEquals(12_000, list.size());
        assertEquals(586, ours.size());
    }

    @Test
    void esAndLeadingEdgesEqualFgsea() throws IOException {
        List<Map<String, String>> golden = Golden.GENESET.table("fgsea_simple_example.tsv");
        assertEquals(586, golden.size());
        for (Map<String, String> row : golden) {
            Enrichment e = ours.get(row.get("pathway"));
            String name = row.get("pathway");
            assertEquals(Double.parseDouble(row.get("ES")), e.es(), 1e-9, name);
            assertEquals(Integer.parseInt(row.get("size")), e.size(), name);
            assertEquals(row.get("leadingEdge"), String.join(",", e.leadingEdge()), name);
        }
    }

    @Test
    void esLeadingEdgesAndRankAtMaxEqualGseaDesktop() throws IOException {
        Map<String, Enrichment> byUpperName = new HashMap<>();
        ours.forEach((name, e) -> byUpperName.put(name.toUpperCase(Locale.ROOT), e));
        int compared = 0;
        for (Map<String, String> row : Golden.GENESET.table("gsea_desktop_preranked_example.tsv")) {
            Enrichment e = byUpperName.get(row.get("pathway"));
            String name = row.get("pathway");
            assertTrue(e != null, "no set " + name);
            assertEquals(Double.parseDouble(row.get("ES")), e.es(), 1e-6, name);
            assertEquals(row.get("leadingEdge"), String.join(",", e.leadingEdge()), name);
            assertEquals(Integer.parseInt(row.get("rank_at_max")), e.rankAtMax(), name);
            compared++;
        }
        assertEquals(586, compared);
    }
}
