package org.biospark.spark.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Rejects that a task sets aside while it writes another table, so that its input is read once: one small binary
 * file per unit of work (a dataset) in the run's scratch directory, read back afterwards to write {@code rejects/}.
 * <p>
 * The directory must exist ({@link RunOutput#scratch}). A file appears whole or not at all: it is written under a
 * name of its task attempt and renamed into place. Two attempts of one task (a retry, a speculative copy) write the
 * same rejects, so whichever lands is right.
 */
public final class RejectParts {
    /** Tells a part from any other file; raised when the layout changes. */
    private static final int MAGIC = 0x42535231;
    private static final int NO_STRING = -1;

    private RejectParts() {
    }

    /** The part of unit {@code unit} in {@code directory}. */
    public static Path part(String directory, int unit) {
        return new Path(directory, "part-" + unit);
    }

    /**
     * Writes the rejects of unit {@code unit}; {@code attempt} tells concurrent attempts' temporary files apart.
     */
    public static void write(String directory, int unit, long attempt, List<Reject> rejects, Configuration conf) {
        Path target = part(directory, unit);
        Path partial = new Path(directory, "." + target.getName() + ".attempt-" + attempt);
        try {
            FileSystem fs = target.getFileSystem(conf);
            // never creates the directory: if the run has failed and removed it, this attempt fails too
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.createNonRecursive(partial,
                    true, 1 << 16, fs.getDefaultReplication(partial), fs.getDefaultBlockSize(partial), null),
                    1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(rejects.size());
                for (Reject r : rejects) {
                    writeString(out, r.source());
                    out.writeLong(r.recordNumber());
                    out.writeLong(r.line());
                    writeString(out, r.id());
                    writeString(out, r.reason());
                    writeString(out, r.dataset());
                }
            }
            if (!fs.rename(partial, target)) {
                // another attempt of the same task got there first, with the same rejects
                fs.delete(partial, false);
                if (!fs.exists(target)) {
                    throw new IOException("cannot rename " + partial + " to " + target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside the rejects of unit " + unit + " in " + directory, e);
        }
    }

    /** The rejects of unit {@code unit}, in the order they were written. */
    public static List<Reject> read(String directory, int unit, Configuration conf) {
        Path path = part(directory, unit);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                path.getFileSystem(conf).open(path), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(path + " is not a rejects part");
            }
            int count = in.readInt();
            List<Reject> rejects = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rejects.add(new Reject(readString(in), in.readLong(), in.readLong(), readString(in), readString(in),
                        readString(in)));
            }
            return rejects;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rejects set aside in " + path, e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(NO_STRING);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NO_STRING) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
