package org.biospark.spark.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What each task of a job records beside its output (its accounting: records read, rows written, rejects set
 * aside), one small file per partition in a directory of the run's scratch ({@link RunOutput#scratch}), so that a
 * run resumed after its driver died has the accounting of the partitions it reuses. A file appears whole or not at
 * all: it is written under its attempt's name and renamed into place; two attempts of one task record the same.
 */
public final class PartitionRecords {
    private static final Pattern NAME = Pattern.compile("part-(\\d+)");

    private PartitionRecords() {
    }

    /** Records {@code value} for {@code partition}; {@code attempt} tells concurrent attempts' files apart. */
    public static void write(String directory, int partition, long attempt, Serializable value, Configuration conf) {
        Path target = new Path(directory, "part-" + partition);
        Path partial = new Path(directory, "." + target.getName() + ".attempt-" + attempt);
        try {
            FileSystem fs = target.getFileSystem(conf);
            // never creates the directory: if the run has failed and removed it, this attempt fails too
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(fs.createNonRecursive(
                    partial, true, 1 << 16, fs.getDefaultReplication(partial), fs.getDefaultBlockSize(partial), null),
                    1 << 16))) {
                out.writeObject(value);
            }
            if (!fs.rename(partial, target)) {
                fs.delete(partial, false); // another attempt got there first, with the same record
                if (!fs.exists(target)) {
                    throw new IOException("cannot rename " + partial + " to " + target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record partition " + partition + " in " + directory, e);
        }
    }

    /** Every partition's record in {@code directory}, by partition. */
    public static <T> Map<Integer, T> read(String directory, Class<T> type, Configuration conf) {
        Map<Integer, T> records = new HashMap<>();
        Path dir = new Path(directory);
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                return records;
            }
            for (FileStatus file : fs.listStatus(dir)) {
                Matcher m = NAME.matcher(file.getPath().getName());
                if (!m.matches()) {
                    continue;
                }
                try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(fs.open(file.getPath())))) {
                    records.put(Integer.parseInt(m.group(1)), type.cast(in.readObject()));
                } catch (ClassNotFoundException e) {
                    throw new IOException(file.getPath() + " is not a partition record", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the partition records in " + directory, e);
        }
        return records;
    }
}
