package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.align.AlignmentMode;
import org.biospark.cli.ErrorReporterAccess;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.testing.Golden;
import org.biospark.testing.RandomFasta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code align} end to end in local[2]: parasail's scores, top-k and both strands, and every record counted once, in
 * the results or the rejects. {@link AlignJobPlansTest} checks that the plans of the work give the same rows.
 */
class AlignJobTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private static String resource(String name) {
        return Golden.ALIGN.path(name).toString();
    }

    /** A golden file's scores, keyed "query target"; the blog files score every query against "ref". */
    private static Map<String, Long> golden(String name) throws IOException {
        Map<String, Long> scores = new HashMap<>();
        for (String[] f : Golden.ALIGN.fields(name)) {
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
                r -> r.getAs(AlignmentsSchema.QUERY_ID.name()) + " " + r.getAs(AlignmentsSchema.TARGET_ID.name()),
                r -> (long) r.<Integer>getAs(AlignmentsSchema.SCORE.name())));
    }

    private AlignOptions options(List<String> queries, String references, AlignmentMode mode, String matrix,
                                 boolean both, int topK, boolean traceback) {
        return AlignOptions.builder(queries, references, tmp.resolve("out-" + System.nanoTime()).toString())
                .mode(mode).matrix(matrix).bothStrands(both).topK(topK).traceback(traceback).build();
    }

    @Test
    void theBlogWorkloadGivesParasailsScores() throws Exception {
        AlignResult result = AlignJob.run(spark, options(List.of(resource("blog/queries.fa")),
                resource("blog/ref.fa"), AlignmentMode.GLOBAL, null, false, 0, false));
        assertEquals(golden("blog/parasail_nw_endgaps_penalised.tsv"), scores(result));
        assertEquals(1000L, result.counts().queryRecords());
        assertEquals(0L, result.counts().queriesRejected());
    }

    @Test
    void oneQueryAgainstManyReferencesGivesParasailsScores() throws Exception {
        // The blog workload turned around: the 16S start is the query, the 1,000 reads are the references.
        AlignResult result = AlignJob.run(spark, options(List.of(resource("blog/ref.fa")),
                resource("blog/queries.fa"), AlignmentMode.GLOBAL, null, false, 0, false));
        Map<String, Long> expected = new HashMap<>();
        golden("blog/parasail_nw_endgaps_penalised.tsv").forEach((key, score) ->
                expected.put("ref " + key.split(" ")[0], score));
        assertEquals(expected, scores(result));
    }

    @Test
    void proteinLocalWithTracebackGivesParasailsScores() throws Exception {
        AlignResult result = AlignJob.run(spark, options(List.of(resource("protein_queries.fa")),
                resource("protein_targets.fa"), AlignmentMode.LOCAL, "BLOSUM62", false, 0, true));
        assertEquals(golden("protein_blosum62_local_parasail.tsv"), scores(result));
        for (Row row : result.alignments().collectAsList()) {
            String cigar = row.getString(row.fieldIndex(AlignmentsSchema.CIGAR.name()));
            int queryStart = row.getInt(row.fieldIndex(AlignmentsSchema.QUERY_START.name()));
            int queryEnd = row.getInt(row.fieldIndex(AlignmentsSchema.QUERY_END.name()));
            int score = row.getAs(AlignmentsSchema.SCORE.name());
            assertTrue(score == 0 || (!cigar.isEmpty() && queryStart <= queryEnd), row.toString());
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
                r -> r.getAs(RejectsSchema.ID.name()) + "@"
                        + Path.of(r.<String>getAs(RejectsSchema.SOURCE.name()).replace("file:", "")).getFileName(),
                r -> r.<String>getAs(RejectsSchema.REASON.name())));
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
        assertEquals("fwd", rows.get(0).getAs(AlignmentsSchema.QUERY_ID.name()));
        assertEquals("+", rows.get(0).getAs(AlignmentsSchema.STRAND.name()));
        assertEquals(14, rows.get(0).<Integer>getAs(AlignmentsSchema.SCORE.name()));
        assertEquals("rev", rows.get(1).getAs(AlignmentsSchema.QUERY_ID.name()));
        assertEquals("-", rows.get(1).getAs(AlignmentsSchema.STRAND.name()),
                "the reverse complement of 'rev' is the target");
        assertEquals(14, rows.get(1).<Integer>getAs(AlignmentsSchema.SCORE.name()));

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
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder refs = new StringBuilder();
        String[] references = new String[3];
        for (int r = 0; r < references.length; r++) {
            references[r] = RandomFasta.dna(random, 300);
            refs.append(">ref").append(r).append('\n').append(references[r]).append('\n');
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

    @Test
    void aGlobMatchesSeveralFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("glob"));
        List<String> lines = Golden.ALIGN.lines("blog/queries.fa");
        Files.write(dir.resolve("part1.fa"), lines.subList(0, 1000));
        Files.write(dir.resolve("part2.fa"), lines.subList(1000, lines.size()));
        AlignResult result = AlignJob.run(spark, options(List.of(dir.resolve("part*.fa").toString()),
                resource("blog/ref.fa"), AlignmentMode.LOCAL, null, false, 0, false));
        assertEquals(golden("blog/parasail_sw.tsv"), scores(result));
    }

    @Test
    void aMalformedFileStopsTheJobAndLeavesNothing() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.fq"), "@r1\nACGT\n+\nIIII\n@r2\nACGT\nIIII\n@r3\nA\n+\nI\n");
        Path refs = Files.writeString(tmp.resolve("r.fa"), ">t\nACGT\n");
        Path out = tmp.resolve("never");
        Exception e = assertThrows(Exception.class, () -> AlignJob.run(spark,
                AlignOptions.of(List.of(bad.toString()), refs.toString(), out.toString())));
        Throwable cause = ErrorReporterAccess.userError(e);
        assertTrue(cause instanceof InvalidInputException, "expected bad input, got " + e);
        assertTrue(cause.getMessage().contains("at line 7 of"), cause.getMessage());
        assertFalse(Files.exists(out));
        try (var entries = Files.list(tmp)) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().contains("staging")));
        }
    }
}
