package org.biospark.spark;

import java.util.List;

import org.biospark.UsageException;

/**
 * What {@link AlignJob} is asked to do. Unset scoring options (null) take the alphabet's defaults: DNA +1/-2 with
 * gaps 5/2, protein BLOSUM62 with gaps 11/1.
 *
 * @param queries     query files, directories or globs (FASTA or FASTQ, plain or gzip; any Hadoop file system)
 * @param references  the reference FASTA file, read on the driver and broadcast
 * @param out         output directory
 * @param overwrite   replace a non-empty output directory
 * @param mode        global, semiglobal or local
 * @param match       match score (with mismatch), or null
 * @param mismatch    mismatch score (with match), or null
 * @param matrix      a substitution matrix name (instead of match/mismatch), or null
 * @param gapOpen     cost of a gap's first position, or null
 * @param gapExtend   cost of each further position, or null
 * @param alphabet    dna, protein, or null to detect from the references
 * @param bothStrands DNA: also align each query's reverse complement
 * @param topK        best targets kept per query; 0 keeps all pairs
 * @param minScore    lowest score kept, or null for all
 * @param traceback   add each hit's path, coordinates and identity
 * @param partitions  number of alignment tasks; 0 sizes them from the work
 * @param splitBytes  plain query files larger than this are read by several tasks; 0 means 128 MiB
 */
public record AlignOptions(List<String> queries, String references, String out, boolean overwrite, String mode,
                           Integer match, Integer mismatch, String matrix, Integer gapOpen, Integer gapExtend,
                           String alphabet, boolean bothStrands, int topK, Integer minScore, boolean traceback,
                           int partitions, long splitBytes) {
    /** Split size when none is given. */
    public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

    public AlignOptions {
        if (queries == null || queries.isEmpty()) {
            throw new UsageException("at least one query file is required (--queries)");
        }
        queries = List.copyOf(queries);
        if (references == null || references.isBlank()) {
            throw new UsageException("a reference file is required (--references)");
        }
        if (out == null || out.isBlank()) {
            throw new UsageException("an output directory is required (--out)");
        }
        if (!List.of("global", "semiglobal", "local").contains(mode)) {
            throw new UsageException("--mode must be global, semiglobal or local, not '" + mode + "'");
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
        if (alphabet != null && !List.of("dna", "protein").contains(alphabet)) {
            throw new UsageException("--alphabet must be dna or protein, not '" + alphabet + "'");
        }
        if (topK < 0 || partitions < 0 || splitBytes < 0) {
            throw new UsageException("--top-k, --partitions and --split-size must not be negative");
        }
    }

    /** The split size in force. */
    public long effectiveSplitBytes() {
        return splitBytes > 0 ? splitBytes : DEFAULT_SPLIT_BYTES;
    }

    /** A minimal request: all pairs, global, the alphabet's default scoring. */
    public static AlignOptions of(List<String> queries, String references, String out) {
        return new AlignOptions(queries, references, out, false, "global", null, null, null, null, null, null, false,
                0, null, false, 0, 0);
    }
}
