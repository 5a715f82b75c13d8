package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GeneSetFilesTest {
    private static ByteArrayInputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rnkKeepsGoodLinesAndReportsBadOnesWithTheirLine() throws IOException {
        RankFile rnk = RankFile.read(text("gene\tscore\n# note\nA\t2.5\nB\tNaN\nC\tx\nA\t1\nD\t-1e3\nE\t1\t2\n"), "r.rnk");
        assertEquals(Map.of("A", 2.5, "D", -1000.0), rnk.scores());
        assertEquals(List.of(
                new LineProblem("r.rnk", 4, "B", "statistic 'NaN' is not a finite number"),
                new LineProblem("r.rnk", 5, "C", "statistic 'x' is not a finite number"),
                new LineProblem("r.rnk", 6, "A", "duplicate gene (first at line 3)"),
                new LineProblem("r.rnk", 8, "E", "expected 2 tab-separated fields (gene, statistic), found 3")),
                rnk.problems());
    }

    @Test
    void rnkCollapsesDuplicatesByLargestAbsoluteStatisticWhenAsked() throws IOException {
        RankFile rnk = RankFile.read(text("A\t2.5\nB\t1\nA\t-4\nA\t3\nB\t-1\n"), "r.rnk", true);
        assertEquals(java.util.Map.of("A", -4.0, "B", 1.0), rnk.scores());
        assertEquals(List.of(
                new LineProblem("r.rnk", 1, "A", "duplicate gene collapsed into line 3 (largest |statistic| kept)"),
                new LineProblem("r.rnk", 4, "A", "duplicate gene collapsed into line 3 (largest |statistic| kept)"),
                new LineProblem("r.rnk", 5, "B", "duplicate gene collapsed into line 2 (largest |statistic| kept)")),
                rnk.problems());
    }

    @Test
    void gmtKeepsGoodSetsAndReportsBadOnes() throws IOException {
        GmtFile gmt = GmtFile.read(text("S1\tdesc\tA\tB\tA\t\nS2\tonly a description\nS1\tagain\tC\n\nS3\t\tX\n"), "g.gmt");
        assertEquals(Map.of("S1", List.of("A", "B"), "S3", List.of("X")), gmt.sets());
        assertEquals(List.of(
                new LineProblem("g.gmt", 2, "S2", "a gene set needs a name, a description and genes: found 2 fields"),
                new LineProblem("g.gmt", 3, "S1", "duplicate gene set name (first at line 1)")),
                gmt.problems());
    }
}
