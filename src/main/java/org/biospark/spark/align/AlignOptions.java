package org.biospark.spark.align;

import java.util.List;

import org.biospark.UsageException;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Alphabet;

/**
 * What {@link AlignJob} is asked to do. Unset scoring options (null) take the alphabet's defaults: DNA +1/-2 with
 * gaps 5/2, protein BLOSUM62 with gaps 11/1.
 *
 * @param queries     query files, directories or globs (FASTA or FASTQ, plain or gzip; any Hadoop file system)
 * @param references  the reference FASTA file, read on the driver and broadcast
 * @param out         output directory (null for {@link AlignFrames}, which writes nothing)
 * @param overwrite   replace a non-empty output directory
 * @param mode        global, semi-global or local
 * @param match       match score (with mismatch), or null
 * @param mismatch    mismatch score (with match), or null
 * @param matrix      a substitution matrix name (instead of match/mismatch), or null
 * @param gapOpen     cost of a gap's first position, or null
 * @param gapExtend   cost of each further position, or null
 * @param alphabet    DNA or protein, or null to detect from the references
 * @param bothStrands DNA: also align each query's reverse complement
 * @param topK        best targets kept per query; 0 keeps all pairs
 * @param minScore    lowest score kept, or null for all
 * @param traceback   add each hit's path, coordinates and identity
 * @param partitions  number of alignment tasks; 0 sizes them from the work
 * @param splitBytes  plain query files larger than this are read by several tasks; 0 sizes a split as one task's
 *                    work (1 to 128 MiB, from the references' length)
 * @param resume      continue the interrupted run on {@code out}, reusing the work it committed
 * @param tables      how queries and references given as tables are read
 */
public record AlignOptions(List<String> queries, String references, String out, boolean overwrite,
                           AlignmentMode mode, Integer match, Integer mismatch, String matrix, Integer gapOpen,
                           Integer gapExtend, Alphabet alphabet, boolean bothStrands, int topK, Integer minScore,
                           boolean traceback, int partitions, long splitBytes, boolean resume,
                           ReadColumns tables) {
    /** The largest split size chosen when none is given. */
    public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

    public AlignOptions {
        tables = tables == null ? ReadColumns.DEFAULT : tables;
        if (queries == null || queries.isEmpty()) {
            throw new UsageException("at least one query file is required (--queries)");
        }
        queries = List.copyOf(queries);
        if (references == null || references.isBlank()) {
            throw new UsageException("a reference file is required (--references)");
        }
        if (out != null && out.isBlank()) {
            throw new UsageException("an output directory is required (--out)");
        }
        if (mode == null) {
            throw new UsageException("an alignment mode is required (--mode)");
        }
        if ((match == null) != (mismatch == null)) {
            throw new UsageException("--match and --mismatch go together");
        }
        if (match != null && matrix != null) {
            throw new UsageException("give either --matrix or --match/--mismatch, not both");
        }
        if ((gapOpen == null) != (gapExtend == null)) {
            throw new UsageException("--gap-open and --gap-extend go together");
        }
        if (topK < 0 || partitions < 0 || splitBytes < 0) {
            throw new UsageException("--top-k, --partitions and --split-size must not be negative");
        }
    }

    /** A minimal request: all pairs, global, the alphabet's default scoring. */
    public static AlignOptions of(List<String> queries, String references, String out) {
        return builder(queries, references, out).build();
    }

    /**
     * A request to fill in option by option (what the command line and notebooks use): global, the alphabet's
     * default scoring, every pair, until set.
     */
    public static Builder builder(List<String> queries, String references, String out) {
        return new Builder(queries, references, out);
    }

    /**
     * A request for {@link AlignFrames}: {@code queries} and {@code references} name the two tables in the rejects'
     * rows; nothing is written until the caller writes the frames.
     */
    public static Builder frames(String queries, String references) {
        return new Builder(List.of(queries), references, null);
    }

    /** Builds {@link AlignOptions}; {@link #build()} validates as the command line does. */
    public static final class Builder {
        private final List<String> queries;
        private final String references;
        private final String out;
        private boolean overwrite;
        private AlignmentMode mode = AlignmentMode.GLOBAL;
        private Integer match;
        private Integer mismatch;
        private String matrix;
        private Integer gapOpen;
        private Integer gapExtend;
        private Alphabet alphabet;
        private boolean bothStrands;
        private int topK;
        private Integer minScore;
        private boolean traceback;
        private int partitions;
        private long splitBytes;
        private boolean resume;
        private ReadColumns tables;

        private Builder(List<String> queries, String references, String out) {
            this.queries = queries;
            this.references = references;
            this.out = out;
        }

        /** Replace a non-empty output directory. */
        public Builder overwrite() {
            return overwrite(true);
        }

        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        /** Global (the default), semi-global or local. */
        public Builder mode(AlignmentMode value) {
            mode = value;
            return this;
        }

        public Builder matchMismatch(int matchScore, int mismatchScore) {
            return match(matchScore).mismatch(mismatchScore);
        }

        /** The match score, or null for the alphabet's default (give a mismatch score with it). */
        public Builder match(Integer score) {
            match = score;
            return this;
        }

        /** The mismatch score, or null for the alphabet's default (give a match score with it). */
        public Builder mismatch(Integer score) {
            mismatch = score;
            return this;
        }

        /** A substitution matrix by name, e.g. BLOSUM62 or NUC.4.4; null for match/mismatch scoring. */
        public Builder matrix(String name) {
            matrix = name;
            return this;
        }

        /** A gap of length k costs open + (k - 1) * extend. */
        public Builder gaps(int open, int extend) {
            return gapOpen(open).gapExtend(extend);
        }

        /** The cost of a gap's first position, or null for the alphabet's default. */
        public Builder gapOpen(Integer cost) {
            gapOpen = cost;
            return this;
        }

        /** The cost of each further gap position, or null for the alphabet's default. */
        public Builder gapExtend(Integer cost) {
            gapExtend = cost;
            return this;
        }

        /** DNA or protein (null: detected from the references). */
        public Builder alphabet(Alphabet value) {
            alphabet = value;
            return this;
        }

        public Builder bothStrands() {
            return bothStrands(true);
        }

        public Builder bothStrands(boolean value) {
            bothStrands = value;
            return this;
        }

        /** Keep the k best targets per query; 0 keeps all. */
        public Builder topK(int k) {
            topK = k;
            return this;
        }

        /** Keep only hits scoring at least this; null keeps all. */
        public Builder minScore(Integer score) {
            minScore = score;
            return this;
        }

        /** Add each hit's CIGAR, coordinates, identity and similarity. */
        public Builder traceback() {
            return traceback(true);
        }

        public Builder traceback(boolean value) {
            traceback = value;
            return this;
        }

        /** Alignment tasks; 0 sizes them from the work. */
        public Builder partitions(int count) {
            partitions = count;
            return this;
        }

        /** Plain query files larger than this are read by several tasks; 0 sizes the splits from the work. */
        public Builder splitBytes(long bytes) {
            splitBytes = bytes;
            return this;
        }

        /** Continue the interrupted run on the output directory, reusing the work it committed. */
        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        /** How queries and references given as tables are read. */
        public Builder tables(ReadColumns value) {
            tables = value;
            return this;
        }

        public AlignOptions build() {
            return new AlignOptions(queries, references, out, overwrite, mode, match, mismatch, matrix, gapOpen,
                    gapExtend, alphabet, bothStrands, topK, minScore, traceback, partitions, splitBytes, resume,
                    tables);
        }
    }
}
