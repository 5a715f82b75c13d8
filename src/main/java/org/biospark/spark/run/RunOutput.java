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
 *
 * <p>Works on any Hadoop file system: local paths, {@code file:}, {@code hdfs:}, {@code s3a:}.
 */
public final class RunOutput implements AutoCloseable {
    /** File name of the run manifest inside the output directory. */
    public static final String MANIFEST = "_manifest.json";
    /** The staging directory's sub-directory of intermediate files, never committed. */
    private static final String SCRATCH = "_scratch";

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private boolean committed;

    private RunOutput(SparkSession spark, FileSystem fs, Path target, Path staging, boolean overwrite) {
        this.spark = spark;
        this.fs = fs;
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /**
     * Opens {@code directory} for a new run. Refuses a directory that exists and is not empty unless
     * {@code overwrite}; refuses a path that is a file in any case. Call before the work starts, so that a wrong
     * output path fails at once.
     */
    public static RunOutput open(SparkSession spark, String directory, boolean overwrite) {
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
            if (!fs.mkdirs(staging)) {
                throw new UsageException("Cannot create the output directory beside " + target);
            }
            return new RunOutput(spark, fs, target, staging, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output directory " + directory, e);
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

    /** Where table {@code name} will be once committed. */
    public Path finalTablePath(String name) {
        return new Path(target, name);
    }

    /**
     * Writes {@code table} as Parquet table {@code name} into the staging directory, partitioned by the columns
     * given (one directory per value, as Spark writes them).
     */
    public void writeTable(String name, Dataset<Row> table, String... partitionBy) {
        table.write().mode(SaveMode.ErrorIfExists).partitionBy(partitionBy).parquet(new Path(staging, name).toString());
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
        return finalTablePath(name).toString();
    }

    /** Moves the staged results into place; an old directory there is replaced only now. */
    public void commit() {
        try {
            fs.delete(new Path(staging, SCRATCH), true);
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

    /** Deletes the staging directory unless the run was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging directory " + staging, e);
        }
    }
}
