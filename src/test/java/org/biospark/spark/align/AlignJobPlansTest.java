package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.align.AlignmentMode;
import org.biospark.cli.ErrorReporterAccess;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.testing.RandomFasta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * However {@code align} plans the work (one split or many, a gzip file inflated and split or read whole, one pass
 * over the queries or two), it gives the same rows, rejects and counts, and names a bad record's own line.
 */
class AlignJobPlansTest {
    private static final String SHORT_REFERENCE = ">t\nACGTTGCAAGGCTTACGTAGCTAGCTAGGATCGATCGGACTTAGC\n";

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private AlignResult local(Path queries, Path refs, String out, long splitBytes) {
        return AlignJob.run(spark, AlignOptions.builder(List.of(queries.toString()), refs.toString(),
                tmp.resolve(out).toString()).mode(AlignmentMode.LOCAL).splitBytes(splitBytes).build());
    }

    private AlignResult withSetting(String key, String value, Supplier<AlignResult> run) {
        spark.conf().set(key, value);
        try {
            return run.get();
        } finally {
            spark.conf().unset(key);
        }
    }

    /** The counts that do not depend on how the work was planned. */
    private static Map<String, Long> withoutPlan(AlignCounts counts) {
        Map<String, Long> same = new HashMap<>(counts.asMap());
        same.keySet().removeAll(List.of("queries_moved_by_cost", "partitions", "query_passes",
                "query_files_inflated"));
        return same;
    }

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static InvalidInputException badInput(Executable run) {
        Exception e = assertThrows(Exception.class, run);
        Throwable cause = ErrorReporterAccess.userError(e);
        assertTrue(cause instanceof InvalidInputException, "expected bad input, got " + e);
        return (InvalidInputException) cause;
    }

    @Test
    void aFileReadInSplitsGivesTheSameRowsAsOneSplit() throws IOException {
        String fasta = RandomFasta.wrappedReads(4);
        Path queries = Files.writeString(tmp.resolve("big.fa"), fasta);
        Path refs = Files.writeString(tmp.resolve("r.fa"), SHORT_REFERENCE);
        AlignResult oneSplit = local(queries, refs, "one", 0);
        AlignResult split = local(queries, refs, "split", 700_000);
        // Splits of about a tenth of the work each: balanced enough to be aligned where they were read, in one pass.
        AlignResult inPlace = local(queries, refs, "in-place", 300_000);
        assertTrue(Files.size(queries) / 700_000 >= 4, "at least 4 splits");
        assertEquals(sorted(oneSplit.alignments()), sorted(split.alignments()));
        assertEquals(sorted(oneSplit.rejects()), sorted(split.rejects()));
        assertEquals(sorted(oneSplit.alignments()), sorted(inPlace.alignments()));
        assertEquals(sorted(oneSplit.rejects()), sorted(inPlace.rejects()));
        assertTrue(oneSplit.rejects().count() >= 15);
        assertEquals(oneSplit.counts(), split.counts());
        assertEquals(oneSplit.counts().queriesAligned(), oneSplit.counts().queriesMovedByCost(),
                "one split is not balanced: every query is moved by cost");
        assertEquals(0L, inPlace.counts().queriesMovedByCost(), inPlace.counts().toString());
        assertEquals((Files.size(queries) + 299_999) / 300_000, inPlace.counts().partitions(), "one per split");
        assertEquals(2L, split.counts().queryPasses());
        assertEquals(1L, inPlace.counts().queryPasses(), "read, checked and aligned in one pass");
        assertEquals(withoutPlan(oneSplit.counts()), withoutPlan(inPlace.counts()));
    }

    @Test
    void aLargeGzipFileIsInflatedAndSplitWithTheSameRowsRejectsAndLines() throws IOException {
        // rejects every 997 records, and a duplicate id at the end: the one-pass plan gives way on the copy too
        String fasta = RandomFasta.wrappedReads(6) + ">read11 again\nACGTACGTAC\n";
        Path queries = tmp.resolve("big.fa.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(queries))) {
            out.write(fasta.getBytes(StandardCharsets.US_ASCII));
        }
        Path refs = Files.writeString(tmp.resolve("r.fa"), SHORT_REFERENCE);
        AlignResult inflated = local(queries, refs, "inflated", 300_000);
        AlignResult whole = withSetting(GzipUnpacking.ENABLED_KEY, "false",
                () -> local(queries, refs, "whole", 300_000));
        assertEquals(1L, inflated.counts().queryFilesInflated(), inflated.counts().toString());
        assertEquals(0L, whole.counts().queryFilesInflated());
        assertEquals(3L, inflated.counts().queryPasses(), "one pass over the copy's splits, then by cost");
        assertEquals(withoutPlan(whole.counts()), withoutPlan(inflated.counts()));
        assertEquals(sorted(whole.alignments()), sorted(inflated.alignments()));
        assertEquals(sorted(whole.rejects()), sorted(inflated.rejects()));
        assertTrue(inflated.rejects().count() >= 5, "invalid records and the duplicate");
        // the rejects name the gzip file (and its lines: the same rows as the run that read it whole), not the copy
        assertTrue(inflated.rejects().collectAsList().stream()
                .allMatch(r -> r.<String>getAs(RejectsSchema.SOURCE.name()).endsWith("/big.fa.gz")));
        // the copy is gone with the scratch directory
        try (var entries = Files.walk(tmp.resolve("inflated"))) {
            assertTrue(entries.noneMatch(p -> p.toString().contains("_scratch") || p.toString().endsWith(".fa")));
        }
    }

    @Test
    void aTruncatedGzipFileStopsTheJobWithTheLineItStopsAtWithoutInflating() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(RandomFasta.wrappedReads(8).getBytes(StandardCharsets.US_ASCII));
        }
        Path queries = Files.write(tmp.resolve("cut.fa.gz"), Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        Path refs = Files.writeString(tmp.resolve("r.fa"), SHORT_REFERENCE);
        InvalidInputException inflating = badInput(() -> local(queries, refs, "never-inflated", 300_000));
        InvalidInputException reading = badInput(() -> withSetting(GzipUnpacking.ENABLED_KEY, "false",
                () -> local(queries, refs, "never-read", 300_000)));
        assertTrue(inflating.getMessage().contains("truncated or corrupt gzip data"), inflating.getMessage());
        assertTrue(inflating.line() > 1000, inflating.getMessage());
        assertEquals(reading.getMessage(), inflating.getMessage());
        assertFalse(Files.exists(tmp.resolve("never-inflated")));
        try (var entries = Files.list(tmp)) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().contains("staging")));
        }
    }

    @Test
    void aOnePassRunThatFindsDuplicateIdsIsRedoneWithTheSameResultsAsTwoPasses() throws IOException {
        // read7 again at the end: the one-pass plan aligns both copies, finds the repeated hash, and gives way.
        String fasta = RandomFasta.wrappedReads(5) + ">read7 again\nACGTACGTAC\n";
        Path queries = Files.writeString(tmp.resolve("dup.fa"), fasta);
        Path refs = Files.writeString(tmp.resolve("r.fa"), SHORT_REFERENCE);
        AlignResult redone = local(queries, refs, "redone", 300_000);
        AlignResult twoPasses = withSetting(AlignInPlace.ENABLED_KEY, "false",
                () -> local(queries, refs, "two-passes", 300_000));
        // The same when the executors count the id hashes (too many for the driver): a pass of its own.
        AlignResult counted = withSetting(AlignJob.ID_HASHES_ON_DRIVER_KEY, "0",
                () -> local(queries, refs, "counted", 300_000));
        assertEquals(sorted(twoPasses.alignments()), sorted(counted.alignments()));
        assertEquals(sorted(twoPasses.rejects()), sorted(counted.rejects()));
        assertEquals(3L, counted.counts().queryPasses());
        assertEquals(3L, redone.counts().queryPasses(), redone.counts().toString());
        assertEquals(2L, twoPasses.counts().queryPasses());
        assertEquals(withoutPlan(twoPasses.counts()), withoutPlan(redone.counts()));
        assertEquals(sorted(twoPasses.alignments()), sorted(redone.alignments()));
        assertEquals(sorted(twoPasses.rejects()), sorted(redone.rejects()));
        int header = fasta.indexOf(">read7 ");
        long headerLine = 1 + fasta.substring(0, header).chars().filter(c -> c == '\n').count();
        Row duplicate = redone.rejects().filter("id = 'read7'").first();
        assertTrue(duplicate.<String>getAs(RejectsSchema.REASON.name()).contains(" at line " + headerLine + ")"),
                duplicate + " " + headerLine);
    }

    @Test
    void aOnePassRunNamesTheFilesOwnLineOfAMalformedRecordInALaterSplit() throws IOException {
        StringBuilder fastq = new StringBuilder();
        long line = 0;
        long badLine = 0;
        long badOffset = 0;
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; fastq.length() < 3_000_000; r++) {
            int length = random.nextInt(100, 200);
            boolean broken = r == 6_000; // about 1.9 MB in: the seventh split of 300 KB
            if (broken) {
                badLine = line + 3; // where the '+' line should be
                badOffset = fastq.length();
            }
            fastq.append("@q").append(r).append('\n').append("ACGT".repeat(50), 0, length).append('\n')
                    .append(broken ? "" : "+\n").append("I".repeat(length)).append('\n');
            line += broken ? 3 : 4;
        }
        Path queries = Files.writeString(tmp.resolve("broken.fq"), fastq);
        Path refs = Files.writeString(tmp.resolve("r.fa"), SHORT_REFERENCE);
        Path out = tmp.resolve("never-written");
        InvalidInputException cause = badInput(() -> AlignJob.run(spark, AlignOptions.builder(
                List.of(queries.toString()), refs.toString(), out.toString()).mode(AlignmentMode.LOCAL)
                .splitBytes(300_000).build()));
        assertTrue(badOffset > 300_000, "the error lies beyond the first split");
        assertEquals(badLine, cause.line(), cause.getMessage());
        assertTrue(cause.getMessage().contains("at line " + badLine + " of"), cause.getMessage());
        assertFalse(Files.exists(out));
    }
}
