package org.biospark.spark.align;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Job;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.spark.run.RunManifest;

/**
 * {@code align}: every query against every reference on Spark. References are read on the driver and broadcast;
 * queries are streamed from their files by the executors, checked (bad records go to {@code rejects/} with their
 * reason, duplicate ids after their first occurrence too) and aligned in vector batches, by one of two plans:
 * {@link AlignInPlace} (one pass, when the input's splits are balanced by cost as they are) or {@link AlignByCost}
 * (any input: checked first, then placed in partitions of equal cost). Every query record ends up exactly once in
 * the results or in the rejects, and the job checks it.
 */
public final class AlignJob extends Job<AlignCounts, AlignResult> {
    /**
     * Up to this many query ids, their 64-bit hashes come to the driver for the duplicate check (8 bytes each);
     * beyond it the executors count them. The Spark setting {@link #ID_HASHES_ON_DRIVER_KEY} changes it.
     */
    static final long ID_HASHES_ON_DRIVER = 16_000_000;
    static final String ID_HASHES_ON_DRIVER_KEY = "spark.biospark.align.idHashesOnDriver";

    private final AlignOptions options;

    private AlignJob(AlignOptions options) {
        super("align", withOutput(options).out(), options.overwrite(), options.resume());
        this.options = options;
    }

    private static AlignOptions withOutput(AlignOptions options) {
        if (options.out() == null) {
            throw new UsageException("an output directory is required (--out)");
        }
        return options;
    }

    /** Runs {@code align} in {@code spark}: both tables and the manifest written, the tables read back. */
    public static AlignResult run(SparkSession spark, AlignOptions options) {
        return new AlignJob(options).run(spark);
    }

    @Override
    protected AlignCounts work(Context run) {
        SparkSession spark = run.spark();
        JavaSparkContext jsc = run.jsc();
        Configuration conf = run.conf();

        boolean tables = QueryTables.given(options.queries(), options.tables(), conf);
        ReadColumns referenceColumns = options.tables().byExtension();
        List<SourcedRecord> referenceRecords = QueryTables.given(List.of(options.references()), referenceColumns, conf)
                ? QueryTables.collect(spark, options.references(), referenceColumns, conf)
                : References.read(options.references(), conf);
        AlignSettings settings = AlignSettings.of(options, referenceRecords);
        List<Reject> referenceRejects = new ArrayList<>();
        ReferenceSet references = References.encode(referenceRecords, settings.scoring().matrix(), referenceRejects);
        Broadcast<ReferenceSet> broadcast = jsc.broadcast(references);
        if (spark.sparkContext().isLocal()) {
            // The driver's JVM runs the tasks: the kernel compiles while the splits are planned and shipped.
            KernelWarmUp.start(settings, references);
        }

        List<FileStatus> queryFiles = tables ? List.of() : InputFiles.expand(options.queries(), conf, "query");
        record(run.manifest(), settings, queryFiles, conf);
        run.ready();
        AlignRun alignRun = new AlignRun(jsc, options, settings, broadcast, referenceRejects, run.output(),
                Long.parseLong(spark.conf().get(ID_HASHES_ON_DRIVER_KEY, Long.toString(ID_HASHES_ON_DRIVER))),
                jsc.sc().longAccumulator("pairs aligned"));
        if (tables) {
            // a table's rows are read by Spark's own scan, in its splits: aligned where they are read when those
            // are balanced, else checked, then placed by cost
            QueryTables.Scan scan = QueryTables.read(spark, options.queries(), options.tables(), conf);
            boolean onePass = AlignTableInPlace.suits(spark, options, scan, jsc.defaultParallelism());
            QueryCounts queries = onePass ? AlignTableInPlace.run(spark, alignRun, scan) : null;
            if (queries == null) {
                alignRun.pairsDone().reset();
                queries = AlignByCost.run(spark, alignRun, scan.records(), false).after(onePass ? 1 : 0);
            }
            return counts(queries, referenceRecords, references, referenceRejects, 0);
        }

        // Broadcast once per executor rather than shipped in every task: a Hadoop configuration is large, and
        // deserializing it in every task is a cost the JIT and the tasks pay.
        Broadcast<HadoopConf> hadoopConf = jsc.broadcast(new HadoopConf(conf));
        long splitBytes = TaskSizing.splitBytes(options, references,
                queryFiles.stream().mapToLong(FileStatus::getLen).sum(), jsc.defaultParallelism());
        List<QueryFile> inputs = GzipUnpacking.unpack(spark, queryFiles, splitBytes, run.output(), hadoopConf);
        QuerySplits splits = QuerySplits.plan(inputs, splitBytes, hadoopConf);
        QueryCounts queries;
        boolean onePass = AlignInPlace.suits(spark, options, splits.splits(), references, jsc.defaultParallelism());
        if (onePass && AlignInPlace.run(spark, alignRun, splits) instanceof AlignInPlace.Aligned aligned) {
            queries = aligned.counts();
        } else {
            // the general plan; a one-pass attempt given up on repeated ids counts as a pass over the queries
            alignRun.pairsDone().reset();
            queries = AlignByCost.run(spark, alignRun, splits).after(onePass ? 1 : 0);
        }
        return counts(queries, referenceRecords, references, referenceRejects,
                inputs.stream().filter(QueryFile::inflated).count());
    }

    private static AlignCounts counts(QueryCounts queries, List<SourcedRecord> referenceRecords,
                                      ReferenceSet references, List<Reject> referenceRejects, long inflated) {
        return new AlignCounts(queries.read(), queries.aligned(), queries.rejected(), referenceRecords.size(),
                references.ids().size(), referenceRejects.size(), queries.partitions(), queries.movedByCost(),
                queries.passes(), inflated, queries.alignmentRows(), queries.rejectRows());
    }

    @Override
    protected AlignResult result(Committed<AlignCounts> run) {
        return new AlignResult(run.directory(),
                run.output().readTable(AlignmentsSchema.TABLE, AlignmentsSchema.of(options.traceback())),
                run.output().readTable(RejectsSchema.TABLE, RejectsSchema.SCHEMA), run.counts());
    }

    private void record(RunManifest manifest, AlignSettings s, List<FileStatus> queryFiles, Configuration conf) {
        AlignOptions o = options;
        manifest.parameter("mode", o.mode().label()).parameter("matrix", s.scoring().matrix().name())
                .parameter("gap_open", s.scoring().gaps().open()).parameter("gap_extend", s.scoring().gaps().extend())
                .parameter("both_strands", o.bothStrands()).parameter("top_k", o.topK())
                .parameter("min_score", o.minScore()).parameter("traceback", o.traceback())
                .parameter("queries", o.queries()).parameter("references", o.references());
        try {
            manifest.input("references", o.references(), new Path(o.references()).getFileSystem(conf));
            for (FileStatus f : queryFiles) {
                manifest.input("queries", f.getPath().toString(), f.getPath().getFileSystem(conf));
            }
            if (queryFiles.isEmpty()) { // tables: the paths as given
                for (String table : o.queries()) {
                    manifest.input("queries", table, new Path(table).getFileSystem(conf));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
