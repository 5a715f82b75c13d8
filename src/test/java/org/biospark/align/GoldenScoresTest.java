package org.biospark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scores equal to parasail 2.6 and EMBOSS 6.6, from the golden files in src/test/resources/golden/align (see the
 * README there for the commands), with the vector and the scalar kernel.
 */
class GoldenScoresTest {
    private record GoldenScore(String query, String target, long score) {
    }

    static Map<String, String> fasta(String resource) throws IOException {
        return Golden.ALIGN.fasta(resource);
    }

    private static List<GoldenScore> golden(String resource) throws IOException {
        List<GoldenScore> rows = new ArrayList<>();
        for (String[] f : Golden.ALIGN.fields(resource)) {
            if (f.length == 3 && !f[0].equals("query")) {
                // EMBOSS's -FLT_MAX rounds to Long.MIN_VALUE
                rows.add(new GoldenScore(f[0], f[1], Math.round(Double.parseDouble(f[2]))));
            } else if (f.length == 2) { // the blog files: query, score against the one reference
                rows.add(new GoldenScore(f[0], "ref", Long.parseLong(f[1])));
            }
        }
        assertTrue(rows.size() > 10, "too few golden rows in " + resource);
        return rows;
    }

    /**
     * Every query of a set against every target, through the batch API, or pair by pair (which takes the striped
     * kernel for long pairs); results keyed "query target".
     */
    private static Map<String, Integer> align(String set, Scoring scoring, AlignmentMode mode, boolean vector,
                                              boolean pairwise) throws IOException {
        Map<String, String> queries = fasta(set + "_queries.fa");
        Map<String, String> targets = fasta(set + "_targets.fa");
        Aligner aligner = new Aligner(scoring, mode, vector);
        byte[][] encoded = queries.values().stream().map(aligner::encode).toArray(byte[][]::new);
        List<String> names = List.copyOf(queries.keySet());
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Map.Entry<String, String> target : targets.entrySet()) {
            byte[] t = aligner.encode(target.getValue());
            int[] s = pairwise ? java.util.Arrays.stream(encoded).mapToInt(q -> aligner.score(q, t)).toArray()
                    : aligner.scores(encoded, t);
            for (int q = 0; q < s.length; q++) {
                scores.put(names.get(q) + " " + target.getKey(), s[q]);
            }
        }
        return scores;
    }

    static Stream<Arguments> goldenFiles() {
        Scoring m1x2 = Scoring.dna(1, -2, 5, 2);
        Scoring nuc44 = Scoring.matrix("NUC.4.4", 10, 1);
        Scoring blosum62 = Scoring.matrix("BLOSUM62", 11, 1);
        return Stream.of(
                Arguments.of("dna_m1x2_global_parasail.tsv", "dna", m1x2, AlignmentMode.GLOBAL),
                Arguments.of("dna_m1x2_semiglobal_parasail.tsv", "dna", m1x2, AlignmentMode.SEMI_GLOBAL),
                Arguments.of("dna_m1x2_local_parasail.tsv", "dna", m1x2, AlignmentMode.LOCAL),
                Arguments.of("dna_iupac_nuc44_global_parasail.tsv", "dna_iupac", nuc44, AlignmentMode.GLOBAL),
                Arguments.of("dna_iupac_nuc44_semiglobal_parasail.tsv", "dna_iupac", nuc44, AlignmentMode.SEMI_GLOBAL),
                Arguments.of("dna_iupac_nuc44_local_parasail.tsv", "dna_iupac", nuc44, AlignmentMode.LOCAL),
                Arguments.of("dna_iupac_nuc44_global_needle.tsv", "dna_iupac", nuc44, AlignmentMode.GLOBAL),
                Arguments.of("dna_iupac_nuc44_semiglobal_needle.tsv", "dna_iupac", nuc44, AlignmentMode.SEMI_GLOBAL),
                Arguments.of("dna_iupac_nuc44_local_water.tsv", "dna_iupac", nuc44, AlignmentMode.LOCAL),
                Arguments.of("protein_blosum62_global_parasail.tsv", "protein", blosum62, AlignmentMode.GLOBAL),
                Arguments.of("protein_blosum62_semiglobal_parasail.tsv", "protein", blosum62, AlignmentMode.SEMI_GLOBAL),
                Arguments.of("protein_blosum62_local_parasail.tsv", "protein", blosum62, AlignmentMode.LOCAL),
                Arguments.of("protein_blosum62_global_needle.tsv", "protein", blosum62, AlignmentMode.GLOBAL),
                Arguments.of("protein_blosum62_local_water.tsv", "protein", blosum62, AlignmentMode.LOCAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void scoresEqualTheReferenceTool(String file, String set, Scoring scoring, AlignmentMode mode) throws IOException {
        Map<String, Integer> vector = align(set, scoring, mode, true, false);
        Map<String, Integer> scalar = align(set, scoring, mode, false, false);
        Map<String, Integer> pairwise = align(set, scoring, mode, true, true);
        Map<String, String> queries = fasta(set + "_queries.fa");
        Map<String, String> targets = fasta(set + "_targets.fa");
        int compared = 0;
        for (GoldenScore g : golden(file)) {
            String key = g.query() + " " + g.target();
            boolean oneResidue = queries.get(g.query()).length() == 1 || targets.get(g.target()).length() == 1;
            if (file.endsWith("_water.tsv") && oneResidue && g.score() == Long.MIN_VALUE) {
                continue; // EMBOSS water reports -FLT_MAX when a sequence has one residue; parasail covers these
            }
            long expected = g.score();
            if (file.contains("semiglobal_parasail") && expected < 0) {
                // parasail's sg never scores the alignment in which no residue pair is aligned (one sequence
                // wholly in free end gaps, score 0); EMBOSS needle does, and so do we.
                expected = 0;
            }
            assertEquals(expected, (long) vector.get(key), () -> file + " vector " + key);
            assertEquals(expected, (long) scalar.get(key), () -> file + " scalar " + key);
            assertEquals(expected, (long) pairwise.get(key), () -> file + " pair by pair " + key);
            compared++;
        }
        assertTrue(compared >= 15, file + ": only " + compared + " pairs compared");
    }

    @Test
    void theBlogWorkloadEqualsParasail() throws IOException {
        Map<String, String> queries = fasta("blog/queries.fa");
        String reference = fasta("blog/ref.fa").get("ref");
        Scoring scoring = Scoring.dna(1, -2, 5, 2);
        for (AlignmentMode mode : List.of(AlignmentMode.GLOBAL, AlignmentMode.LOCAL)) {
            String file = mode.local() ? "blog/parasail_sw.tsv" : "blog/parasail_nw_endgaps_penalised.tsv";
            Aligner aligner = new Aligner(scoring, mode);
            int[] scores = aligner.scores(queries.values().stream().map(aligner::encode).toArray(byte[][]::new),
                    aligner.encode(reference));
            List<String> names = List.copyOf(queries.keySet());
            List<GoldenScore> expected = golden(file);
            assertEquals(1000, expected.size());
            for (GoldenScore g : expected) {
                assertEquals(g.score(), scores[names.indexOf(g.query())], () -> file + " " + g.query());
            }
        }
    }
}
