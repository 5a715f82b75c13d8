package org.biospark.spark.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.biospark.UsageException;

/**
 * The output directory of one run, written all or nothing. Tables and the manifest go into a hidden staging
 * directory beside the target; {@link #commit()} moves it into place (replacing the old results only then, when
 * overwriting), and {@link #close()} without a commit deletes it, so a failed job leaves no half-written table.
 * While the run works it holds the directory's {@link OutputLock}, so a second run on it is refused; a run whose
 * driver died leaves its staging directory behind, which the next run removes or, resuming, reuses
 * ({@link Resumption}). Works on any Hadoop file system: local paths, {@code file:}, {@code hdfs:}, {@code s3a:}.
 */
public final class RunOutput implements AutoCloseable {
    /** File name of the run manifest inside the output directory. */
    public static final String MANIFEST = "_manifest.json";
    /** The staging directory's sub-directory of intermediate files, never committed. */
    private static final String SCRATCH = "_scratch";
    /** The manifest as the run starts: what a resumed run must match. */
    public static final String PENDING_MANIFEST = "_manifest.pending.json";

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private final OutputLock lock;
    private final boolean resumed;
    private final Resumption resumption;
    private boolean committed;
    /** Whether the staging directory outlives a failure: an interrupted run's work that a refused resume adopted. */
    private boolean kept;

    private RunOutput(SparkSession spark, FileSystem fs, Path target, Path staging, boolean overwrite,
                      OutputLock lock, boolean resumed) {
        this.spark = spark;
        this.fs = fs;
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
        this.lock = lock;
        this.resumed = resumed;
        this.resumption = new Resumption(fs, staging, resumed);
    }

    /**
     * Opens {@code directory} for a new run. Refuses a directory that exists and is not empty unless
     * {@code overwrite}; refuses a path that is a file in any case. Call before the work starts, so that a wrong
     * output path fails at once.
     */
    public static RunOutput open(SparkSession spark, String directory, boolean overwrite) {
        return open(spark, directory, overwrite, false);
    }

    /**
     * The same, or with {@code resume} the staging directory an interrupted run on {@code directory} left behind,
     * adopted with the work it holds; a usage error when there is none.
     */
    public static RunOutput open(SparkSession spark, String directory, boolean overwrite, boolean resume) {
        try {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            Path path = new Path(directory);
            FileSystem fs = path.getFileSystem(conf);
            Path target = fs.makeQualified(path);
            checkWritable(fs, target, overwrite);
            Path parent = target.getParent();
            if (parent == null) {
                throw new UsageException("The output directory cannot be a file system root: " + directory);
            }
            Path staging = new Path(parent, "." + target.getName() + ".staging-" + UUID.randomUUID());
            OutputLock lock = OutputLock.acquire(fs, target, staging);
            try {
                if (resume) {
                    staging = Resumption.interrupted(fs, target);
                    lock.record(staging);
                }
                Resumption.removeLeftovers(fs, target, staging);
                if (!fs.mkdirs(staging)) {
                    throw new UsageException("Cannot create the output directory beside " + target);
                }
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
            return new RunOutput(spark, fs, target, staging, overwrite, lock, resume);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output directory " + directory, e);
        }
    }

    /**
     * Of the {@code recorded} partitions of table {@code name}, those whose output an interrupted run committed, set
     * aside for {@link #writeTable} to put back beside the partitions it writes (see {@link Resumption#reuse}).
     */
    public java.util.Set<Integer> reuse(String name, java.util.Set<Integer> recorded) {
        return resumption.reuse(name, recorded);
    }

    /** Notes that {@code reused} of the {@code partitions} of table {@code name} came from the interrupted run. */
    public void noteReuse(String name, int reused, int partitions) {
        resumption.noteReuse(name, reused, partitions);
    }

    /** What this run reused, table by table (empty unless resumed). */
    public java.util.Map<String, String> reuses() {
        return resumption.reuses();
    }

    /** Whether this run continues an interrupted one, in its staging directory. */
    public boolean resumed() {
        return resumed;
    }

    /** Where the run's pending manifest is. */
    Path pendingManifest() {
        return new Path(staging, PENDING_MANIFEST);
    }

    /** The staging directory the run writes into. */
    public Path staging() {
        return staging;
    }

    /** Removes the intermediate files of {@code name} from the scratch directory. */
    public void discardScratch(String name) {
        try {
            fs.delete(new Path(new Path(staging, SCRATCH), name), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scratch files of " + name, e);
        }
    }

    private static void checkWritable(FileSystem fs, Path target, boolean overwrite) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        FileStatus status = fs.getFileStatus(target);
        if (!status.isDirectory()) {
            throw new UsageException("The output path " + target + " is a file, not a directory");
        }
        if (!overwrite && fs.listStatus(target).length > 0) {
            throw new UsageException("The output directory " + target
                    + " exists and is not empty; choose another or pass --overwrite to replace it");
        }
    }

    /** The final location of the results. */
    public Path directory() {
        return target;
    }

    /**
     * Writes {@code table} as Parquet table {@code name} into the staging directory, partitioned by the columns
     * given (one directory per value, as Spark writes them).
     */
    public void writeTable(String name, Dataset<Row> table, String... partitionBy) {
        Path path = new Path(staging, name);
        try {
            if (resumed && fs.exists(path)) {
                // a table this run's plan did not set partitions aside for: written again, whole
                fs.delete(path, true);
            }
            table.write().mode(SaveMode.ErrorIfExists).partitionBy(partitionBy).parquet(path.toString());
            resumption.restore(name, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write table " + name + " into " + staging, e);
        }
    }

    /** Deletes table {@code name} from the staging directory, so that it can be written again. */
    public void discardTable(String name) {
        try {
            fs.delete(new Path(staging, name), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove table " + name + " from " + staging, e);
        }
    }

    /**
     * A directory for the intermediate files of {@code name} (what tasks set aside for a later stage), inside the
     * staging directory so that it shares its file system and its fate; {@link #commit()} deletes it. It is made
     * here, so that tasks can create their files in it without creating directories: a task that outlives a failed
     * run (killed, but not yet stopped) then cannot bring the deleted staging directory back.
     */
    public Path scratch(String name) {
        Path directory = new Path(new Path(staging, SCRATCH), name);
        try {
            if (!fs.mkdirs(directory)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch directory " + directory, e);
        }
        return directory;
    }

    /** Writes the manifest as the run starts, for a resumed run to check against. */
    void writePending(RunManifest manifest) {
        try (OutputStream out = fs.create(pendingManifest(), true)) {
            out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pending manifest", e);
        }
    }

    /** The interrupted run's manifest as it started. */
    String readPending() {
        try (java.io.InputStream in = fs.open(pendingManifest())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pending manifest of the interrupted run", e);
        }
    }

    /** Writes the run manifest. */
    public void writeManifest(RunManifest manifest) {
        try (OutputStream out = fs.create(new Path(staging, MANIFEST), false)) {
            out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run manifest", e);
        }
    }

    /** Reads a committed table back. */
    public Dataset<Row> readTable(String name) {
        return spark.read().parquet(committedTable(name));
    }

    /** Reads a committed table back whose schema is known (no job to read it from the files' footers). */
    public Dataset<Row> readTable(String name, StructType schema) {
        return spark.read().schema(schema).parquet(committedTable(name));
    }

    private String committedTable(String name) {
        if (!committed) {
            throw new IllegalStateException("the run output is not committed yet");
        }
        return new Path(target, name).toString();
    }

    /** Moves the staged results into place; an old directory there is replaced only now. */
    public void commit() {
        try {
            fs.delete(new Path(staging, SCRATCH), true);
            fs.delete(new Path(staging, Resumption.REUSED), true);
            fs.delete(pendingManifest(), false);
            if (fs.exists(target)) {
                if (!overwrite && fs.listStatus(target).length > 0) {
                    throw new UsageException("The output directory " + target
                            + " was filled by someone else while this run was working");
                }
                fs.delete(target, true);
            }
            if (!fs.rename(staging, target)) {
                throw new IOException("rename of " + staging + " to " + target + " failed");
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the results into " + target, e);
        }
    }

    /** Leaves the staging directory in place when the run fails: it holds an interrupted run's work. */
    void keep() {
        kept = true;
    }

    /** Deletes the staging directory unless the run was committed (or kept), and releases the directory. */
    @Override
    public void close() {
        try {
            if (!committed && !kept) {
                fs.delete(staging, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging directory " + staging, e);
        } finally {
            lock.close();
        }
    }
}
