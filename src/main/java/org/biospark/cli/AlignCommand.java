package org.biospark.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.biospark.align.AlignmentMode;
import org.biospark.align.Alphabet;
import org.biospark.spark.SparkSessions;
import org.biospark.spark.align.AlignCounts;
import org.biospark.spark.align.AlignJob;
import org.biospark.spark.align.AlignOptions;
import org.biospark.spark.align.AlignResult;
import org.biospark.spark.align.ReadColumns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code biospark align}: queries against references, exact optimal scores, Parquet out. */
@Command(name = "align", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Align every query against every reference (global, semi-global or local; DNA or protein).",
            "Scores equal parasail's and EMBOSS's. Bad records go to the rejects table with their reason."})
final class AlignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--queries", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Query files, directories or globs: FASTA or FASTQ, plain or gzip, any Hadoop file system;"
                    + " or tables of reads (Parquet, ORC, CSV, Delta; ADAM's read schema too).")
    List<String> queries;

    @Option(names = "--references", required = true, paramLabel = "FASTA",
            description = "Reference FASTA (or a table, as --queries), read on the driver and broadcast to every"
                    + " executor.")
    String references;

    @Option(names = "--format", paramLabel = "parquet|orc|csv|tsv|delta",
            description = "The format of queries and references given as tables (default: by extension; a .tsv is"
                    + " a table only with this or a column option).")
    String format;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "Tables: the id column (default: id, readName or name).")
    String idColumn;

    @Option(names = "--sequence-column", paramLabel = "NAME",
            description = "Tables: the sequence column (default: sequence or seq).")
    String sequenceColumn;

    @Option(names = "--quality-column", paramLabel = "NAME",
            description = "Tables: the quality column (default: quality, qualityScores or qual, if present).")
    String qualityColumn;

    @Option(names = "--mode", defaultValue = "global", paramLabel = "MODE",
            description = "global (end gaps penalised), semiglobal (end gaps free) or local. Default: ${DEFAULT-VALUE}.")
    AlignmentMode mode;

    @Option(names = "--match", paramLabel = "N", description = "Match score (with --mismatch). DNA default: 1.")
    Integer match;

    @Option(names = "--mismatch", paramLabel = "N", description = "Mismatch score (with --match). DNA default: -2.")
    Integer mismatch;

    @Option(names = "--matrix", paramLabel = "NAME",
            description = "Substitution matrix: NUC.4.4 (EDNAFULL), BLOSUM30..100, PAM250. Protein default: BLOSUM62.")
    String matrix;

    @Option(names = "--gap-open", paramLabel = "N",
            description = "Cost of a gap's first position; a gap of length k costs open + (k-1) extend. Default: 5 DNA, 11 protein.")
    Integer gapOpen;

    @Option(names = "--gap-extend", paramLabel = "N", description = "Cost of each further gap position. Default: 2 DNA, 1 protein.")
    Integer gapExtend;

    @Option(names = "--alphabet", paramLabel = "dna|protein", description = "Default: detected from the references.")
    Alphabet alphabet;

    @Option(names = "--both-strands", description = "DNA: also align each query's reverse complement (strand '-').")
    boolean bothStrands;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K", description = "Keep the K best targets per query (default: all pairs).")
    int topK;

    @Option(names = "--min-score", paramLabel = "S", description = "Keep only hits scoring at least S.")
    Integer minScore;

    @Option(names = "--traceback", description = "Add CIGAR, coordinates, identity and similarity to every kept hit.")
    boolean traceback;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Alignment tasks (default: sized from the work).")
    int partitions;

    @Option(names = "--split-size", defaultValue = "0", paramLabel = "MB",
            description = "Plain query files larger than this are read by several tasks (default: about one task's "
                    + "work, 1 to 128 MB, from the references' length).")
    long splitMegabytes;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        AlignOptions options = AlignOptions.builder(queries, references, output.directory())
                .overwrite(output.overwrite).resume(output.resume())
                .mode(mode).match(match).mismatch(mismatch).matrix(matrix).gapOpen(gapOpen).gapExtend(gapExtend)
                .alphabet(alphabet).bothStrands(bothStrands).topK(topK).minScore(minScore).traceback(traceback)
                .partitions(partitions).splitBytes(splitMegabytes << 20)
                .tables(new ReadColumns(format, idColumn, sequenceColumn, qualityColumn)).build();
        AlignResult result = AlignJob.run(SparkSessions.getOrCreate("biospark align"), options);
        print(result, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static void print(AlignResult result, PrintWriter out) {
        AlignCounts c = result.counts();
        out.printf("queries: %d read, %d aligned, %d rejected%n", c.queryRecords(), c.queriesAligned(),
                c.queriesRejected());
        out.printf("references: %d read, %d used, %d rejected%n", c.referenceRecords(), c.referencesUsed(),
                c.referencesRejected());
        out.printf("alignments: %d rows in %s/alignments (rejects in %s/rejects)%n", c.alignments(),
                result.outputDirectory(), result.outputDirectory());
        out.flush();
    }
}
