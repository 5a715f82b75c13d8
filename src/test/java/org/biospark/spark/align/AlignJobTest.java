package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.align.AlignmentMode;
import org.biospark.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.biospark.spark.run.RejectsSchema;

class AlignJobTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AlignJobTest.class.getResource("/golden/align/" + name).toURI());
    }

    private static Map<String, Long> golden(Path tsv) throws IOException {
        Map<String, Long> scores = new HashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                scores.put(f[0] + " ref", Long.parseLong(f[1]));
            } else if (!f[0].equals("query")) {
                scores.put(f[0] + " " + f[1], Long.parseLong(f[2]));
            }
        }
        return scores;
    }

    private static Map<String, Long> scores(AlignResult result) {
        return result.alignments().collectAsList().stream().collect(Collectors.toMap(
                r -> r.getString(0) + " " + r.getString(2), r -> (long) r.getInt(5)));
    }

    private AlignOptions options(List<String> queries, String references, AlignmentMode mode, String matrix,
                                 boolean both, int topK, boolean traceback) {
        return AlignOptions.builder(queries, references, tmp.resolve("out-" + System.nanoTime()).toString())
                .mode(mode).matrix(matrix).bothStrands(both).topK(topK).traceback(traceback).build();
    }

    @Test
    void theBlogWorkloadGivesParasailsScores() throws Exception {
        AlignResult result = AlignJob.run(spark, options(List.of(resource("blog/queries.fa").toString()),
                resource("blog/ref.fa").toString(), AlignmentMode.GLOBAL, null, false, 0, false));
        assertEquals(golden(resource("blog/parasail_nw_endgaps_penalised.tsv")), scores(result));
        assertEquals(1000L, result.counts().queryRecords());
        assertEquals(0L, result.counts().queriesRejected());
    }

    @Test
    void oneQueryAgainstManyReferencesGivesParasailsScores() throws Exception {
        // The blog workload turned around: the 16S start is the query, the 1,000 reads are the references.
        AlignResult result = AlignJob.run(spark, options(List.of(resource("blog/ref.fa").toString()),
                resource("blog/queries.fa").toString(), AlignmentMode.GLOBAL, null, false, 0, false));
        Map<String, Long> expected = new HashMap<>();
        golden(resource("blog/parasail_nw_endgaps_penalised.tsv")).forEach((key, score) ->
                expected.put("ref " + key.split(" ")[0], score));
        assertEquals(expected, scores(result));
    }

    @Test
    void proteinLocalWithTracebackGivesParasailsScores() throws Exception {
        AlignResult result = AlignJob.run(spark, options(List.of(resource("protein_queries.fa").toString()),
                resource("protein_targets.fa").toString(), AlignmentMode.LOCAL, "BLOSUM62", false, 0, true));
        assertEquals(golden(resource("protein_blosum62_local_parasail.tsv")), scores(result));
        for (Row row : result.alignments().collectAsList()) {
            String cigar = row.getString(row.fieldIndex(AlignmentsSchema.CIGAR.name()));
            int queryStart = row.getInt(row.fieldIndex(AlignmentsSchema.QUERY_START.name()));
            int queryEnd = row.getInt(row.fieldIndex(AlignmentsSchema.QUERY_END.name()));
            assertTrue(row.getInt(5) == 0 || (!cigar.isEmpty() && queryStart <= queryEnd), row.toString());
        }
    }

    @Test
    void everyRecordIsCountedOnceInResultsOrRejects() throws Exception {
        accountingHolds(tmp.resolve("hashes-on-driver"));
    }

    @Test
    void duplicateIdsAreFoundByTheExecutorsWhenTooManyForTheDriver() throws Exception {
        spark.conf().set(AlignJob.ID_HASHES_ON_DRIVER_KEY, "0");
        try {
            accountingHolds(tmp.resolve("hashes-counted"));
        } finally {
            spark.conf().unset(AlignJob.ID_HASHES_ON_DRIVER_KEY);
        }
    }

    private void accountingHolds(Path base) throws Exception {
        Path dir = Files.createDirectories(base.resolve("queries"));
        Files.writeString(dir.resolve("a.fa"), ">good1\nACGTACGTAC\n>empty\n\n>bad_residue\nACGTXACG\n>dup\nACGTTT\n"
                + ">\nACGT\n>good2 with description\nacgtnacgt\n");
        Files.writeString(dir.resolve("b.fq"), "@dup\nACGTAA\n+\nIIIIII\n@short_quality\nACGT\n+\nIII\n@good3\nTTTT\n+\nIIII\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("c.fa.gz")))) {
            out.write(">good4\nGGGGCCCC\n>good5\nAC\n".getBytes());
        }
        Path refs = Files.writeString(base.resolve("refs.fa"), ">r1\nACGTACGTACGTTTGG\n>r2\nGGGGCCCCAAAA\n>r1\nAAAA\n>r3\nACGTQ\n");
        AlignResult result = AlignJob.run(spark, options(List.of(dir.toString()), refs.toString(), AlignmentMode.SEMI_GLOBAL,
                null, false, 0, false));

        AlignCounts c = result.counts();
        assertEquals(11L, c.queryRecords()); // 6 in a.fa, 3 in b.fq, 2 in c.fa.gz
        assertEquals(6L, c.queriesAligned()); // good1..5 and the first dup
        assertEquals(5L, c.queriesRejected());
        assertEquals(c.queryRecords(), c.queriesAligned() + c.queriesRejected());
        assertEquals(2L, c.referencesUsed());
        assertEquals(2L, c.referencesRejected());
        assertEquals(12L, c.alignments()); // 6 queries x 2 references

        Map<String, String> reasons = result.rejects().collectAsList().stream().collect(Collectors.toMap(
                r -> r.getString(3) + "@" + Path.of(r.getString(0).replace("file:", "")).getFileName(),
                r -> r.getString(4)));
        assertEquals("empty sequence", reasons.get("empty@a.fa"));
        assertTrue(reasons.get("bad_residue@a.fa").contains("'X' at position 5"), reasons.toString());
        assertEquals("empty id", reasons.get("@a.fa"));
        assertTrue(reasons.get("dup@b.fq").startsWith("duplicate id (first in "), reasons.toString());
        assertTrue(reasons.get("dup@b.fq").contains("a.fa at line 7"), reasons.toString());
        assertEquals("quality length 3 differs from sequence length 4", reasons.get("short_quality@b.fq"));
        assertEquals("duplicate reference id", reasons.get("r1@refs.fa"));
        assertTrue(reasons.get("r3@refs.fa").contains("'Q' at position 5"), reasons.toString());
        Row line = result.rejects().filter("id = 'bad_residue'").first();
        assertEquals(5L, line.getLong(line.fieldIndex(RejectsSchema.LINE.name())));
        assertEquals(3L, line.getLong(line.fieldIndex(RejectsSchema.RECORD_NUMBER.name())));
    }

    @Test
    void topKAndBothStrands() throws IOException {
        Path queries = Files.writeString(tmp.resolve("q.fa"), ">fwd\nACGTTGCAAGGCTT\n>rev\nAAGCCTTGCAACGT\n");
        Path refs = Files.writeString(tmp.resolve("r.fa"), ">target\nACGTTGCAAGGCTT\n>other\nTTTTTTTTTTTTTT\n");
        AlignResult both = AlignJob.run(spark, options(List.of(queries.toString()), refs.toString(), AlignmentMode.GLOBAL, null,
                true, 1, false));
        List<Row> rows = both.alignments().orderBy("query_id").collectAsList();
        assertEquals(2, rows.size(), "top-k 1 keeps one hit per query over both strands");
        assertEquals("fwd", rows.get(0).getString(0));
        assertEquals("+", rows.get(0).getString(4));
        assertEquals(14, rows.get(0).getInt(5));
        assertEquals("rev", rows.get(1).getString(0));
        assertEquals("-", rows.get(1).getString(4), "the reverse complement of 'rev' is the target");
        assertEquals(14, rows.get(1).getInt(5));

        AlignResult all = AlignJob.run(spark, options(List.of(queries.toString()), refs.toString(), AlignmentMode.GLOBAL, null,
                true, 0, false));
        assertEquals(8L, all.alignments().count(), "2 queries x 2 references x 2 strands");
    }

    /**
     * With --traceback, every pair kept takes its scores from the paths (no score pass); with --top-k the kernel
     * scores first and only the kept hits get paths. Both give the kept hits the same rows.
     */
    @Test
    void tracebackRowsAreTheSameWhetherEveryPairIsKeptOrNot() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        StringBuilder refs = new StringBuilder();
        String[] references = new String[3];
        for (int r = 0; r < references.length; r++) {
            StringBuilder seq = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                seq.append("ACGT".charAt(random.nextInt(4)));
            }
            references[r] = seq.toString();
            refs.append(">ref").append(r).append('\n').append(seq).append('\n');
        }
        StringBuilder reads = new StringBuilder();
        for (int q = 0; q < 50; q++) {
            String source = references[random.nextInt(references.length)];
            int start = random.nextInt(200);
            StringBuilder read = new StringBuilder(source.substring(start, start + random.nextInt(40, 100)));
            for (int i = 0; i < read.length(); i += random.nextInt(5, 15)) {
                read.setCharAt(i, "ACGT".charAt(random.nextInt(4)));
            }
            reads.append(">q").append(q).append('\n').append(read).append('\n');
        }
        Path queries = Files.writeString(tmp.resolve("tb.fa"), reads.toString());
        Path refFile = Files.writeString(tmp.resolve("tb_refs.fa"), refs.toString());
        String[] columns = {"query_id", "target_id", "strand", "score", "identity", "similarity", "cigar",
            "query_start", "query_end", "target_start", "target_end"};
        for (AlignmentMode mode : List.of(AlignmentMode.LOCAL, AlignmentMode.GLOBAL)) {
            AlignResult every = AlignJob.run(spark, options(List.of(queries.toString()), refFile.toString(), mode,
                    null, true, 0, true));
            AlignResult best = AlignJob.run(spark, options(List.of(queries.toString()), refFile.toString(), mode,
                    null, true, 2, true));
            assertEquals(50L * 3 * 2, every.alignments().count());
            assertEquals(100L, best.alignments().count());
            Dataset<Row> kept = best.alignments().selectExpr(columns);
            assertEquals(0L, kept.except(every.alignments().selectExpr(columns)).count(), mode.label());
        }
    }

    /** About 3 MB of reads of 100-200 bp in lines of 60, every 997th with a 'Z' (a reject, with its line). */
    private static String bigFasta(int seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder fasta = new StringBuilder();
        for (int r = 0; fasta.length() < 3_000_000; r++) {
            fasta.append(">read").append(r).append(" len\n");
            int length = random.nextInt(100, 200);
            StringBuilder seq = new StringBuilder();
            for (int i = 0; i < length; i++) {
                seq.append("ACGT".charAt(random.nextInt(4)));
            }
            if (r % 997 == 0) {
                seq.setCharAt(length / 2, 'Z'); // a reject, with its line number
            }
            for (int i = 0; i < length; i += 60) {
                fasta.append(seq, i, Math.min(length, i + 60)).append('\n');
            }
        }
        return fasta.toString();
    }

    private AlignResult local(Path queries, Path refs, String out, long splitBytes) {
        return AlignJob.run(spark, AlignOptions.builder(List.of(queries.toString()), refs.toString(),
                tmp.resolve(out).toString()).mode(AlignmentMode.LOCAL).splitBytes(splitBytes).build());
    }

    private static final String SHORT_REFERENCE = ">t\nACGTTGCAAGGCTTACGTAGCTAGCTAGGATCGATCGGACTTAGC\n";

    @Test
    void aFileReadInSplitsGivesTheSameRowsAsOneSplit() throws IOException {
        String fasta = bigFasta(4);
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
        String fasta = bigFasta(6) + ">read11 again\nACGTACGTAC\n";
        Path queries = tmp.resolve("big.fa.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(queries))) {
            out.write(fasta.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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
        assertTrue(inflated.rejects().collectAsList().stream().allMatch(r -> r.getString(0).endsWith("/big.fa.gz")));
        // the copy is gone with the scratch directory
        try (var entries = Files.walk(tmp.resolve("inflated"))) {
            assertTrue(entries.noneMatch(p -> p.toString().contains("_scratch") || p.toString().endsWith(".fa")));
        }
    }

    @Test
    void aTruncatedGzipFileStopsTheJobWithTheLineItStopsAtWithoutInflating() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(bigFasta(8).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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

    private static InvalidInputException badInput(org.junit.jupiter.api.function.Executable run) {
        Exception e = assertThrows(Exception.class, run);
        Throwable cause = org.biospark.cli.ErrorReporterAccess.userError(e);
        assertTrue(cause instanceof InvalidInputException, "expected bad input, got " + e);
        return (InvalidInputException) cause;
    }

    /** The counts that do not depend on how the work was planned. */
    private static Map<String, Long> withoutPlan(AlignCounts counts) {
        Map<String, Long> same = new HashMap<>(counts.asMap());
        same.keySet().removeAll(List.of("queries_moved_by_cost", "partitions", "query_passes",
                "query_files_inflated"));
        return same;
    }

    private AlignResult withSetting(String key, String value, java.util.function.Supplier<AlignResult> run) {
        spark.conf().set(key, value);
        try {
            return run.get();
        } finally {
            spark.conf().unset(key);
        }
    }

    @Test
    void aOnePassRunThatFindsDuplicateIdsIsRedoneWithTheSameResultsAsTwoPasses() throws IOException {
        // read7 again at the end: the one-pass plan aligns both copies, finds the repeated hash, and gives way.
        String fasta = bigFasta(5) + ">read7 again\nACGTACGTAC\n";
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
        assertTrue(duplicate.getString(4).contains(" at line " + headerLine + ")"), duplicate + " " + headerLine);
    }

    @Test
    void aOnePassRunNamesTheFilesOwnLineOfAMalformedRecordInALaterSplit() throws IOException {
        StringBuilder fastq = new StringBuilder();
        long line = 0;
        long badLine = 0;
        long badOffset = 0;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
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
        Exception e = assertThrows(Exception.class, () -> AlignJob.run(spark, AlignOptions.builder(
                List.of(queries.toString()), refs.toString(), out.toString()).mode(AlignmentMode.LOCAL)
                .splitBytes(300_000).build()));
        Throwable cause = org.biospark.cli.ErrorReporterAccess.userError(e);
        assertTrue(cause instanceof InvalidInputException, "expected bad input, got " + e);
        assertTrue(badOffset > 300_000, "the error lies beyond the first split");
        assertEquals(badLine, ((InvalidInputException) cause).line(), cause.getMessage());
        assertTrue(cause.getMessage().contains("at line " + badLine + " of"), cause.getMessage());
        assertFalse(Files.exists(out));
    }

    private static List<String> sorted(org.apache.spark.sql.Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void aGlobMatchesSeveralFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("glob"));
        List<String> lines = Files.readAllLines(resource("blog/queries.fa"));
        Files.write(dir.resolve("part1.fa"), lines.subList(0, 1000));
        Files.write(dir.resolve("part2.fa"), lines.subList(1000, lines.size()));
        AlignResult result = AlignJob.run(spark, options(List.of(dir.resolve("part*.fa").toString()),
                resource("blog/ref.fa").toString(), AlignmentMode.LOCAL, null, false, 0, false));
        assertEquals(golden(resource("blog/parasail_sw.tsv")), scores(result));
    }

    @Test
    void aMalformedFileStopsTheJobAndLeavesNothing() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.fq"), "@r1\nACGT\n+\nIIII\n@r2\nACGT\nIIII\n@r3\nA\n+\nI\n");
        Path refs = Files.writeString(tmp.resolve("r.fa"), ">t\nACGT\n");
        Path out = tmp.resolve("never");
        Exception e = assertThrows(Exception.class, () -> AlignJob.run(spark,
                AlignOptions.of(List.of(bad.toString()), refs.toString(), out.toString())));
        Throwable cause = org.biospark.cli.ErrorReporterAccess.userError(e);
        assertTrue(cause instanceof InvalidInputException, "expected bad input, got " + e);
        assertTrue(cause.getMessage().contains("at line 7 of"), cause.getMessage());
        assertFalse(Files.exists(out));
        try (var entries = Files.list(tmp)) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().contains("staging")));
        }
    }
}
