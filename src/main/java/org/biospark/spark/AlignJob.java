package org.biospark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.align.AlignmentMode;
import org.biospark.align.GapPenalty;
import org.biospark.align.ScoreMatrix;
import org.biospark.align.Scoring;
import org.biospark.io.InvalidInputException;
import org.biospark.io.SequenceReader;

/**
 * {@code align}: every query against every reference on Spark. References are read on the driver and broadcast;
 * queries are streamed from their files by the executors, checked (bad records go to {@code rejects/} with their
 * reason, duplicate ids after their first occurrence too) and aligned in vector batches, by one of two plans:
 * {@link AlignInPlace} (one pass, when the input's splits are balanced by cost as they are) or {@link AlignByCost}
 * (any input: checked first, then placed in partitions of equal cost). Every query record ends up exactly once in
 * the results or in the rejects, and the job checks it.
 */
public final class AlignJob {
    /** Largest reference set that is broadcast (encoded bytes). */
    public static final long MAX_REFERENCE_BYTES = 1L << 30;
    /**
     * Alignment cells per task that the default partition count aims at: about a second of one core. Tasks of a
     * quarter of that cost the million-read benchmark 5% more time (BENCHMARKS.md, session 10): every task
     * deserializes its closure and opens, writes and commits a Parquet file of its own.
     */
    static final double CELLS_PER_TASK = 2e10;
    /** How often a long run reports its progress. */
    static final long PROGRESS_MILLIS = 10_000;

    /**
     * Up to this many query ids, their 64-bit hashes come to the driver for the duplicate check (8 bytes each);
     * beyond it the executors count them. The Spark setting {@link #ID_HASHES_ON_DRIVER_KEY} changes it.
     */
    static final long ID_HASHES_ON_DRIVER = 16_000_000;
    static final String ID_HASHES_ON_DRIVER_KEY = "spark.biospark.align.idHashesOnDriver";

    /** The smallest split of a plain query file when the split size is chosen from the work. */
    static final long MIN_SPLIT_BYTES = 1L << 20;

    private AlignJob() {
    }

    public static AlignResult run(SparkSession spark, AlignOptions options) {
        RunManifest manifest = new RunManifest("align", spark);
        try (RunOutput output = RunOutput.open(spark, options.out(), options.overwrite())) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Configuration conf = spark.sparkContext().hadoopConfiguration();

            List<SourcedRecord> referenceRecords = readOnDriver(options.references(), conf);
            Scoring scoring = scoring(options, referenceRecords);
            AlignmentMode mode = switch (options.mode()) {
                case "local" -> AlignmentMode.LOCAL;
                case "semiglobal" -> AlignmentMode.SEMI_GLOBAL;
                default -> AlignmentMode.GLOBAL;
            };
            if (options.bothStrands() && !scoring.matrix().nucleotide()) {
                throw new UsageException("--both-strands needs DNA; the scoring is " + scoring.matrix().name());
            }
            List<Reject> referenceRejects = new ArrayList<>();
            ReferenceSet references = references(referenceRecords, scoring.matrix(), referenceRejects);
            AlignSettings settings = new AlignSettings(scoring, mode, options.bothStrands(), options.topK(),
                    options.minScore() == null ? Integer.MIN_VALUE : options.minScore(), options.traceback());
            Broadcast<ReferenceSet> broadcast = jsc.broadcast(references);
            if (spark.sparkContext().isLocal()) {
                // The driver's JVM runs the tasks: the kernel compiles while the splits are planned and shipped.
                KernelWarmUp.start(settings, references);
            }

            List<FileStatus> queryFiles = InputFiles.expand(options.queries(), conf, "query");
            record(manifest, options, settings, queryFiles, conf);

            // once per executor, not inside every task: its thousand properties were deserialized by every task of
            // both stages (96 tasks for 48 splits), and Java serialization became one of the JIT's largest jobs
            Broadcast<HadoopConf> hadoopConf = jsc.broadcast(new HadoopConf(conf));
            long splitBytes = splitBytes(options, references,
                    queryFiles.stream().mapToLong(FileStatus::getLen).sum(), jsc.defaultParallelism());
            List<QueryFile> inputs = GzipUnpacking.unpack(spark, queryFiles, splitBytes, output,
                    hadoopConf);
            QuerySplits splits = QuerySplits.plan(inputs, splitBytes, hadoopConf);
            AlignRun alignRun = new AlignRun(jsc, options, settings, broadcast, referenceRejects, output,
                    Long.parseLong(spark.conf().get(ID_HASHES_ON_DRIVER_KEY, Long.toString(ID_HASHES_ON_DRIVER))),
                    jsc.sc().longAccumulator("pairs aligned"));
            QueryCounts queries = null;
            boolean onePass = AlignInPlace.suits(spark, options, splits.splits(), references, jsc.defaultParallelism());
            if (onePass) {
                queries = AlignInPlace.run(spark, alignRun, splits);
            }
            if (queries == null) {
                alignRun.pairsDone().reset();
                queries = AlignByCost.run(spark, alignRun, splits).after(onePass ? 1 : 0);
            }
            manifest.count("query_records", queries.read()).count("queries_aligned", queries.aligned())
                    .count("queries_rejected", queries.rejected())
                    .count("reference_records", referenceRecords.size())
                    .count("references_used", references.ids().size())
                    .count("references_rejected", referenceRejects.size())
                    .count("partitions", queries.partitions())
                    .count("queries_moved_by_cost", queries.movedByCost())
                    .count("query_passes", queries.passes())
                    .count("query_files_inflated", inputs.stream().filter(QueryFile::inflated).count())
                    .count(AlignmentsSchema.TABLE, queries.alignmentRows())
                    .count(RejectsSchema.TABLE, queries.rejectRows())
                    .finish();
            output.writeManifest(manifest);
            output.commit();
            return new AlignResult(output.directory().toString(),
                    output.readTable(AlignmentsSchema.TABLE, alignRun.schema()),
                    output.readTable(RejectsSchema.TABLE, RejectsSchema.SCHEMA), manifest.counts());
        }
    }

    private static List<SourcedRecord> readOnDriver(String file, Configuration conf) {
        Path path = new Path(file);
        List<SourcedRecord> records = new ArrayList<>();
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new InvalidInputException(file, "the reference file does not exist");
            }
            try (SequenceReader reader = SequenceReader.open(fs.open(path), file)) {
                reader.forEachRemaining(r -> records.add(new SourcedRecord(file, r)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return records;
    }

    /** Valid, unique references encoded; the others go to {@code rejects} with their reason. */
    private static ReferenceSet references(List<SourcedRecord> records, ScoreMatrix matrix, List<Reject> rejects) {
        List<String> ids = new ArrayList<>();
        List<byte[]> sequences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (SourcedRecord r : records) {
            String problem = QueryChecks.problem(r.record(), matrix, false);
            if (problem == null && !seen.add(r.record().id())) {
                problem = "duplicate reference id";
            }
            if (problem != null) {
                rejects.add(Reject.of(r, problem));
                continue;
            }
            ids.add(r.record().id());
            sequences.add(matrix.encode(r.record().sequence()));
            bytes += r.record().sequence().length();
        }
        if (bytes > MAX_REFERENCE_BYTES) {
            throw new InvalidInputException(records.get(0).source(), "the references hold " + bytes
                    + " residues, more than the " + MAX_REFERENCE_BYTES + " that can be broadcast to every executor;"
                    + " split them into several runs");
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException(records.isEmpty() ? "references" : records.get(0).source(),
                    "no usable reference sequence (" + rejects.size() + " rejected)");
        }
        return new ReferenceSet(List.copyOf(ids), List.copyOf(sequences));
    }

    private static Scoring scoring(AlignOptions o, List<SourcedRecord> references) {
        boolean dna;
        ScoreMatrix matrix = null;
        if (o.matrix() != null) {
            try {
                matrix = ScoreMatrix.named(o.matrix());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            dna = matrix.nucleotide();
            if (o.alphabet() != null && dna != o.alphabet().equals("dna")) {
                throw new UsageException("--matrix " + o.matrix() + " does not score " + o.alphabet());
            }
        } else {
            dna = o.alphabet() != null ? o.alphabet().equals("dna") : looksLikeDna(references);
            if (o.match() != null) {
                matrix = dna ? ScoreMatrix.dna(o.match(), o.mismatch()) : ScoreMatrix.protein(o.match(), o.mismatch());
            } else {
                matrix = dna ? ScoreMatrix.dna(1, -2) : ScoreMatrix.named("BLOSUM62");
            }
        }
        GapPenalty gaps;
        try {
            gaps = o.gapOpen() != null ? new GapPenalty(o.gapOpen(), o.gapExtend())
                    : dna ? new GapPenalty(5, 2) : new GapPenalty(11, 1);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Scoring(matrix, gaps);
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

    private static void record(RunManifest manifest, AlignOptions o, AlignSettings s, List<FileStatus> queryFiles,
                               Configuration conf) {
        manifest.parameter("mode", o.mode()).parameter("matrix", s.scoring().matrix().name())
                .parameter("gap_open", s.scoring().gaps().open()).parameter("gap_extend", s.scoring().gaps().extend())
                .parameter("both_strands", o.bothStrands()).parameter("top_k", o.topK())
                .parameter("min_score", o.minScore()).parameter("traceback", o.traceback())
                .parameter("queries", o.queries()).parameter("references", o.references());
        try {
            Path reference = new Path(o.references());
            manifest.input("references", o.references(), reference.getFileSystem(conf));
            for (FileStatus f : queryFiles) {
                manifest.input("queries", f.getPath().toString(), f.getPath().getFileSystem(conf));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The split size of plain query files: as given, or sized so that a split holds about one task's work
     * ({@link #CELLS_PER_TASK} cells against all references and strands) but the input makes at least the
     * {@link #tasksFor four tasks per core} that the alignment wants, between 1 MiB and 128 MiB.
     *
     * @param inputBytes the query files' sizes as given (a gzip file's compressed size: its splits come out smaller)
     */
    static long splitBytes(AlignOptions o, ReferenceSet references, long inputBytes, int cores) {
        if (o.splitBytes() > 0) {
            return o.splitBytes();
        }
        double perByte = (double) references.residues() * (o.bothStrands() ? 2 : 1);
        double bytes = Math.min(CELLS_PER_TASK / perByte, Math.ceil((double) inputBytes / tasksFor(0, cores)));
        return (long) Math.max(MIN_SPLIT_BYTES, Math.min(AlignOptions.DEFAULT_SPLIT_BYTES, bytes));
    }

    /**
     * Whether the input's partitions can be aligned as they are: none holds more than 1.5 times the work of a
     * cost-balanced partition, and there are not more than four times as many of them (many small files).
     */
    static boolean balancedEnough(long[] partitionResidues, int wanted) {
        long total = Arrays.stream(partitionResidues).sum();
        long largest = Arrays.stream(partitionResidues).max().orElse(0);
        return partitionResidues.length <= 4L * wanted && largest <= 1.5 * total / wanted;
    }

    /** Alignment tasks for this many cells: one per {@link #CELLS_PER_TASK}, and at least four per core. */
    static int tasksFor(double cells, int cores) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(4L * cores, Math.ceil(cells / CELLS_PER_TASK)));
    }
}
