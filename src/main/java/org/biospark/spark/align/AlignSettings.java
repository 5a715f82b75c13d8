package org.biospark.spark.align;

import java.io.Serializable;
import java.util.List;

import org.biospark.UsageException;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Alphabet;
import org.biospark.align.GapPenalty;
import org.biospark.align.ScoreMatrix;
import org.biospark.align.Scoring;

/**
 * What every alignment task needs to know, shipped to the executors with the task: the options resolved once,
 * against the references, into the kernel's terms.
 *
 * @param scoring     scores and gaps
 * @param mode        global, semi-global or local
 * @param bothStrands DNA: also align the reverse complement of each query
 * @param topK        keep the best k targets per query (over both strands); 0 keeps all
 * @param minScore    keep only hits scoring at least this; {@code Integer.MIN_VALUE} keeps all
 * @param traceback   compute the alignment's path, coordinates and identity for every kept hit
 */
public record AlignSettings(Scoring scoring, AlignmentMode mode, boolean bothStrands, int topK, int minScore,
                            boolean traceback) implements Serializable {
    /**
     * The settings of a run: the scoring the options give, or the defaults of the alphabet they give or the
     * references show ({@link #looksLikeDna}).
     */
    static AlignSettings of(AlignOptions o, List<SourcedRecord> references) {
        Scoring scoring = scoring(o, references);
        if (o.bothStrands() && !scoring.matrix().nucleotide()) {
            throw new UsageException("--both-strands needs DNA; the scoring is " + scoring.matrix().name());
        }
        return new AlignSettings(scoring, o.mode(), o.bothStrands(), o.topK(),
                o.minScore() == null ? Integer.MIN_VALUE : o.minScore(), o.traceback());
    }

    /** No {@code --top-k} and no {@code --min-score}: every pair is a hit. */
    boolean keepsEveryPair() {
        return topK <= 0 && minScore == Integer.MIN_VALUE;
    }

    /** The (query, reference, strand) pairs of one query. */
    long pairsPerQuery(ReferenceSet references) {
        return (long) references.ids().size() * (bothStrands ? 2 : 1);
    }

    private static Scoring scoring(AlignOptions o, List<SourcedRecord> references) {
        ScoreMatrix matrix;
        Alphabet alphabet;
        if (o.matrix() != null) {
            try {
                matrix = ScoreMatrix.named(o.matrix());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            alphabet = matrix.nucleotide() ? Alphabet.DNA : Alphabet.PROTEIN;
            if (o.alphabet() != null && o.alphabet() != alphabet) {
                throw new UsageException("--matrix " + o.matrix() + " does not score " + o.alphabet().label());
            }
        } else {
            alphabet = o.alphabet() != null ? o.alphabet()
                    : looksLikeDna(references) ? Alphabet.DNA : Alphabet.PROTEIN;
            boolean dna = alphabet == Alphabet.DNA;
            if (o.match() != null) {
                matrix = dna ? ScoreMatrix.dna(o.match(), o.mismatch()) : ScoreMatrix.protein(o.match(), o.mismatch());
            } else {
                matrix = defaultMatrix(dna);
            }
        }
        try {
            GapPenalty gaps = o.gapOpen() != null ? new GapPenalty(o.gapOpen(), o.gapExtend())
                    : defaultGaps(alphabet == Alphabet.DNA);
            return new Scoring(matrix, gaps);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The matrix of an alphabet when none is given: DNA +1/-2, protein BLOSUM62. */
    static ScoreMatrix defaultMatrix(boolean dna) {
        return dna ? ScoreMatrix.dna(1, -2) : ScoreMatrix.named("BLOSUM62");
    }

    /** The gap costs of an alphabet when none are given: 5/2 for DNA, 11/1 for protein. */
    static GapPenalty defaultGaps(boolean dna) {
        return dna ? new GapPenalty(5, 2) : new GapPenalty(11, 1);
    }

    /**
     * DNA when at least 90% of the references' residues are A, C, G, T, U or N (in proteins those letters make up
     * about a quarter), so that one bad record cannot turn a DNA run into a protein run.
     */
    static boolean looksLikeDna(List<SourcedRecord> references) {
        long nucleotides = 0;
        long total = 0;
        for (SourcedRecord r : references) {
            String s = r.record().sequence();
            total += s.length();
            for (int i = 0; i < s.length(); i++) {
                nucleotides += "ACGTUNacgtun".indexOf(s.charAt(i)) >= 0 ? 1 : 0;
            }
        }
        return total > 0 && nucleotides >= 0.9 * total;
    }
}
