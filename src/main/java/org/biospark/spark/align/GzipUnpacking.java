package org.biospark.spark.align;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.biospark.io.GzipCopy;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.RunOutput;

/**
 * Large gzip query files inflated before anything else, one task per file, into plain copies in the run's scratch
 * directory. A gzip file can only be read from its start, so read as it is, one task would read and check all of it
 * while the other cores wait, and its records would then have to be shuffled into partitions of equal cost; the
 * plain copy is cut into byte ranges like any plain file and aligned where it is read. Records keep the gzip file's
 * name and line numbers (the copy holds the same bytes), and a truncated gzip file stops the run here, before any
 * alignment.
 *
 * <p>A file is inflated when it probably holds more than one split: its compressed size, or the size its gzip
 * trailer gives, exceeds the split size. The trailer holds the last member's size modulo 4 GiB only, so a
 * multi-member file (bgzip) smaller than a split when compressed is not inflated: it is read whole, in one task.
 * The copies take the queries' inflated size on the output's file system until the run is committed or discarded.
 * The Spark setting {@link #ENABLED_KEY} {@code false} turns this off, for comparisons.
 */
final class GzipUnpacking {
    static final String ENABLED_KEY = "spark.biospark.align.inflateGzip";
    /** The scratch directory of the copies. */
    static final String SCRATCH = "inflated-queries";

    private GzipUnpacking() {
    }

    /** The query files, with plain copies in place of the gzip files worth splitting; one job if there are any. */
    static List<QueryFile> unpack(SparkSession spark, List<FileStatus> files, long splitBytes, RunOutput output,
                                  Broadcast<HadoopConf> conf) {
        List<QueryFile> all = new ArrayList<>();
        List<Integer> toInflate = new ArrayList<>();
        boolean enabled = Boolean.parseBoolean(spark.conf().get(ENABLED_KEY, "true"));
        for (FileStatus file : files) {
            if (enabled && worthInflating(file, splitBytes, conf.value())) {
                toInflate.add(all.size());
            }
            all.add(QueryFile.of(file));
        }
        if (toInflate.isEmpty()) {
            return all;
        }
        String directory = output.scratch(SCRATCH).toString();
        List<QueryFile> given = new ArrayList<>();
        for (int index : toInflate) {
            QueryFile file = all.get(index);
            given.add(new QueryFile(new Path(directory, index + "-" + plainName(file.source())).toString(), 0,
                    file.source()));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("align: inflating " + given.size() + " gzip query file" + (given.size() == 1 ? "" : "s"));
        List<QueryFile> copies = jsc.parallelize(given, given.size())
                .map(f -> inflate(f, conf.value(), TaskContext.get().taskAttemptId())).collect();
        for (int i = 0; i < toInflate.size(); i++) {
            all.set(toInflate.get(i), copies.get(i));
        }
        return all;
    }

    /** Whether the compressed size or the gzip trailer's size exceeds one split; false for a plain file. */
    static boolean worthInflating(FileStatus file, long splitBytes, HadoopConf conf) {
        Path path = file.getPath();
        long length = file.getLen();
        try (FSDataInputStream in = path.getFileSystem(conf.value()).open(path)) {
            if (!GzipCopy.isGzip(in.readNBytes(2))) {
                return false;
            }
            if (length > splitBytes) {
                return true;
            }
            if (length < 18) { // a gzip header and trailer at least
                return false;
            }
            in.seek(length - 4);
            byte[] trailer = in.readNBytes(4);
            long size = (trailer[0] & 0xffL) | (trailer[1] & 0xffL) << 8 | (trailer[2] & 0xffL) << 16
                    | (trailer[3] & 0xffL) << 24;
            return size > splitBytes;
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), "cannot read (" + e.getMessage() + ")");
        }
    }

    /** The name of a gzip file without its ".gz". */
    static String plainName(String source) {
        String name = new Path(source).getName();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * Executor side: inflates {@code target.source()} into {@code target.path()}, written under the attempt's name
     * and renamed, so that the copy appears whole or not at all; returns the copy with its length.
     */
    static QueryFile inflate(QueryFile target, HadoopConf conf, long attempt) throws IOException {
        Path source = new Path(target.source());
        Path copy = new Path(target.path());
        Path partial = new Path(copy.getParent(), "." + copy.getName() + ".attempt-" + attempt);
        FileSystem out = copy.getFileSystem(conf.value());
        try (InputStream in = source.getFileSystem(conf.value()).open(source, 1 << 16);
             // never creates the directory: if the run has failed and removed it, this attempt fails too
             OutputStream os = out.createNonRecursive(partial, true, 1 << 16, out.getDefaultReplication(partial),
                     out.getDefaultBlockSize(partial), null)) {
            GzipCopy.copy(in, os, target.source());
        } catch (IOException | RuntimeException e) {
            out.delete(partial, false);
            throw e;
        }
        if (!out.rename(partial, copy)) {
            // another attempt of the same task got there first, with the same bytes
            out.delete(partial, false);
            if (!out.exists(copy)) {
                throw new UncheckedIOException(new IOException("cannot rename " + partial + " to " + copy));
            }
        }
        return new QueryFile(target.path(), out.getFileStatus(copy).getLen(), target.source());
    }
}
