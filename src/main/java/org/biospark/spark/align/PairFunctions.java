package org.biospark.spark.align;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.align.Aligner;
import org.biospark.align.Alignment;
import org.biospark.align.AlignmentMode;
import org.biospark.align.GapPenalty;
import org.biospark.align.InvalidResidueException;
import org.biospark.align.ReverseComplement;
import org.biospark.align.ScoreMatrix;
import org.biospark.align.Scoring;
import org.biospark.align.Traceback;
import org.biospark.spark.run.RowLayout;

import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;

/**
 * The alignment kernels as functions of one pair, for SQL ({@code align_score}, {@code align},
 * {@code reverse_complement}): the scoring is fixed when the query is planned, so each row costs only its
 * alignment. A null sequence gives null, as SQL functions do; a residue the scoring cannot score is an error naming
 * it, since a silently null score would look like a missing value.
 */
public final class PairFunctions {
    /** What {@code align(...)} returns: the columns of the alignments table that describe one pair. */
    public static final StructType ALIGNMENT = DataTypes.createStructType(new StructField[] {
            AlignmentsSchema.SCORE, AlignmentsSchema.IDENTITY, AlignmentsSchema.SIMILARITY, AlignmentsSchema.CIGAR,
            AlignmentsSchema.QUERY_START, AlignmentsSchema.QUERY_END, AlignmentsSchema.TARGET_START,
            AlignmentsSchema.TARGET_END});
    private static final RowLayout LAYOUT = RowLayout.of(ALIGNMENT);
    private static final Pattern SIMPLE = Pattern.compile("(dna|protein)\\((-?\\d+),\\s*(-?\\d+)\\)");

    private PairFunctions() {
    }

    /**
     * The scoring the function's options name: {@code matrix} a named matrix (BLOSUM62, EDNAFULL, ...),
     * {@code dna(match, mismatch)} or {@code protein(match, mismatch)}; {@code dna} (the default) and {@code protein}
     * are the command's defaults, DNA 1/-2 and BLOSUM62; gap costs null for the command's defaults of the matrix's
     * alphabet (5/2 for DNA, 11/1 for protein).
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Scoring scoring(String matrix, Integer gapOpen, Integer gapExtend) {
        String name = matrix == null ? "dna" : matrix.strip();
        ScoreMatrix m;
        Matcher simple = SIMPLE.matcher(name.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (name.equalsIgnoreCase("dna") || name.equalsIgnoreCase("protein")) {
            m = AlignSettings.defaultMatrix(name.equalsIgnoreCase("dna"));
        } else if (simple.matches()) {
            int match = Integer.parseInt(simple.group(2));
            int mismatch = Integer.parseInt(simple.group(3));
            m = simple.group(1).equals("dna") ? ScoreMatrix.dna(match, mismatch) : ScoreMatrix.protein(match, mismatch);
        } else {
            try {
                m = ScoreMatrix.named(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the scoring must be dna, protein, dna(match, mismatch),"
                        + " protein(match, mismatch) or a matrix (" + String.join(", ", ScoreMatrix.knownNames())
                        + "), not '" + matrix + "'");
            }
        }
        if ((gapOpen == null) != (gapExtend == null)) {
            throw new IllegalArgumentException("give both gap costs (open, extend) or neither");
        }
        GapPenalty gaps = gapOpen != null ? new GapPenalty(gapOpen, gapExtend)
                : AlignSettings.defaultGaps(m.nucleotide());
        return new Scoring(m, gaps);
    }

    /** The optimal score of each pair: {@code align_score}, as the Scala function Spark's UDF expression calls. */
    public static final class Score extends AbstractFunction2<String, String, Object> implements Serializable {
        private final Aligner aligner;

        public Score(Scoring scoring, AlignmentMode mode) {
            this.aligner = new Aligner(scoring, mode);
        }

        @Override
        public Integer apply(String query, String target) {
            if (query == null || target == null) {
                return null;
            }
            Scoring scoring = aligner.scoring();
            return aligner.score(encode(scoring, "query", query), encode(scoring, "target", target));
        }
    }

    /** The optimal alignment of each pair, with its path: {@code align}. */
    public static final class Align extends AbstractFunction2<String, String, Object> implements Serializable {
        private final Scoring scoring;
        private final AlignmentMode mode;

        public Align(Scoring scoring, AlignmentMode mode) {
            this.scoring = scoring;
            this.mode = mode;
        }

        @Override
        public Row apply(String query, String target) {
            if (query == null || target == null) {
                return null;
            }
            Alignment a = Traceback.align(encode(scoring, "query", query), encode(scoring, "target", target), scoring,
                    mode);
            return LAYOUT.row().set(AlignmentsSchema.SCORE, a.score()).set(AlignmentsSchema.IDENTITY, a.identity())
                    .set(AlignmentsSchema.SIMILARITY, a.similarity()).set(AlignmentsSchema.CIGAR, a.cigar())
                    .set(AlignmentsSchema.QUERY_START, a.queryStart()).set(AlignmentsSchema.QUERY_END, a.queryEnd())
                    .set(AlignmentsSchema.TARGET_START, a.targetStart())
                    .set(AlignmentsSchema.TARGET_END, a.targetEnd()).build();
        }
    }

    /** A sequence encoded for the scoring; a residue it cannot score is an error that says which sequence. */
    private static byte[] encode(Scoring scoring, String which, String sequence) {
        try {
            return scoring.matrix().encode(sequence);
        } catch (InvalidResidueException e) {
            throw new IllegalArgumentException("the " + which + " has an " + e.getMessage()
                    + "; choose the scoring with the function's fourth argument", e);
        }
    }

    /** The reverse complement of a DNA sequence: {@code reverse_complement}. */
    public static final class Complement extends AbstractFunction1<String, Object> implements Serializable {
        @Override
        public String apply(String sequence) {
            return sequence == null ? null : ReverseComplement.of(sequence);
        }
    }
}
