package org.biospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.biospark.spark.align.AlignCounts;
import org.biospark.spark.gsea.GseaCounts;
import org.biospark.spark.run.RunCounts;
import org.biospark.spark.sumrange.SumRangeCounts;
import org.junit.jupiter.api.Test;

/** The manifest's count names are what scripts and notebooks read: they must not change with the Java fields. */
class ManifestCountsTest {
    @Test
    void alignCountsKeepTheirManifestNamesAndOrder() {
        AlignCounts c = new AlignCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertEquals(List.of("query_records", "queries_aligned", "queries_rejected", "reference_records",
                "references_used", "references_rejected", "partitions", "queries_moved_by_cost", "query_passes",
                "query_files_inflated", "alignments", "rejects"), List.copyOf(c.asMap().keySet()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), List.copyOf(c.asMap().values()));
    }

    @Test
    void gseaCountsKeepTheirManifestNamesAndOrder() {
        GseaCounts c = new GseaCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertEquals(List.of("datasets", "datasets_left_out", "datasets_untested", "collections", "gene_set_lines",
                "gene_sets", "dataset_lines", "dataset_lines_used", "sets_tested", "sets_filtered",
                "permutation_blocks", "gsea", "rejects"), List.copyOf(c.asMap().keySet()));
        assertEquals(13L, c.asMap().get("rejects"));
    }

    @Test
    void sumrangeCountsKeepTheirManifestName() {
        assertEquals(java.util.Map.of("sumrange", 4L), new SumRangeCounts(4).asMap());
    }

    @Test
    void countsMustBeARecordOfWholeNumbers() {
        assertEquals("query_files_inflated", RunCounts.snakeCase("queryFilesInflated"));
        record Odd(long rows, double rate) implements RunCounts {
        }
        assertThrows(IllegalStateException.class, () -> new Odd(1, 0.5).asMap());
        RunCounts notARecord = new RunCounts() {
        };
        assertThrows(IllegalStateException.class, notARecord::asMap);
    }
}
