package org.biospark.spark.run;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.biospark.UsageException;

/**
 * What runs interrupted by a dead driver leave beside an output directory, and what a resumed run takes from it:
 * the staging directory with its scratch files and the partitions of tables whose tasks had committed. Spark
 * commits a task's files under the table's {@code _temporary} before the job commits the table; a resumed run
 * sets those of the partitions it reuses aside, writes the others, and puts them back together.
 */
final class Resumption {
    /** Where the files of reused partitions wait while a table's missing partitions are written. */
    static final String REUSED = "_reused";
    /** A data file of a table, and its partition: Spark names them {@code part-NNNNN-JOB.c000...}. */
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("^\\.?part-(\\d+)-");

    private final FileSystem fs;
    private final Path staging;
    private final boolean resumed;
    /** What a resumed run reused, table by table: "N of M partitions". */
    private final java.util.Map<String, String> reuses = new java.util.LinkedHashMap<>();

    Resumption(FileSystem fs, Path staging, boolean resumed) {
        this.fs = fs;
        this.staging = staging;
        this.resumed = resumed;
    }

    /** Puts the set-aside partitions of table {@code name} back into its directory {@code path}, just written. */
    void restore(String name, Path path) throws IOException {
        Path aside = new Path(new Path(staging, REUSED), name);
        if (resumed && fs.exists(aside)) {
            moveInto(aside, path);
            fs.delete(aside, true);
        }
    }

    /** The staging directory of the last interrupted run on {@code target} that had started its work. */
    static Path interrupted(FileSystem fs, Path target) throws IOException {
        String prefix = "." + target.getName() + ".staging-";
        FileStatus latest = null;
        for (FileStatus s : fs.listStatus(target.getParent(), p -> p.getName().startsWith(prefix))) {
            if (fs.exists(new Path(s.getPath(), RunOutput.PENDING_MANIFEST))
                    && (latest == null || s.getModificationTime() > latest.getModificationTime())) {
                latest = s;
            }
        }
        if (latest == null) {
            throw new UsageException("nothing to resume in " + target + ": no interrupted run left its work there;"
                    + " run without --resume (with --out)");
        }
        return latest.getPath();
    }

    /**
     * Removes the staging directories that interrupted runs on {@code target} left behind: with the lock held, every
     * staging directory of {@code target} but this run's is one.
     */
    static void removeLeftovers(FileSystem fs, Path target, Path staging) throws IOException {
        String prefix = "." + target.getName() + ".staging-";
        FileStatus[] siblings = fs.listStatus(target.getParent(), p -> p.getName().startsWith(prefix));
        for (FileStatus leftover : siblings) {
            if (!leftover.getPath().getName().equals(staging.getName())) {
                org.slf4j.LoggerFactory.getLogger(Resumption.class).warn("removing " + leftover.getPath()
                        + ", the staging directory of an interrupted run");
                fs.delete(leftover.getPath(), true);
            }
        }
    }

    /**
     * Of the {@code recorded} partitions of table {@code name}, those whose output an interrupted run committed:
     * they are set aside now, and {@link #writeTable} puts them back beside the partitions it writes. Empty unless
     * resuming. The caller writes no rows for the partitions returned, and takes the accounting it recorded for them.
     * A partition is known by its files' names ({@code part-NNNNN-...}, as Spark names them): a committed task's
     * files under the table's {@code _temporary}, a whole table's files, or those an earlier resume set aside.
     */
    java.util.Set<Integer> reuse(String name, java.util.Set<Integer> recorded) {
        java.util.Set<Integer> reused = new java.util.TreeSet<>();
        Path table = new Path(staging, name);
        Path aside = new Path(new Path(staging, REUSED), name);
        try {
            if (!resumed || recorded.isEmpty()) {
                return reused;
            }
            fs.mkdirs(aside);
            if (fs.exists(table)) {
                if (fs.exists(new Path(table, "_SUCCESS"))) {
                    moveInto(table, aside);
                } else {
                    for (FileStatus task : fs.globStatus(new Path(table, "_temporary/*/task_*"))) {
                        moveInto(task.getPath(), aside);
                    }
                }
                fs.delete(table, true);
            }
            keepRecorded(aside, recorded, reused);
            return reused;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reuse the partitions of " + table, e);
        }
    }

    /** Notes that {@code reused} of the {@code partitions} of table {@code name} came from the interrupted run. */
    void noteReuse(String name, int reused, int partitions) {
        if (resumed) {
            reuses.put(name, reused + " of " + partitions + " partitions");
        }
    }

    /** What this run reused, table by table (empty unless resumed). */
    java.util.Map<String, String> reuses() {
        return java.util.Collections.unmodifiableMap(reuses);
    }

    /** Deletes the files below {@code dir} of partitions not {@code recorded}; adds the others' to {@code kept}. */
    private void keepRecorded(Path dir, java.util.Set<Integer> recorded, java.util.Set<Integer> kept)
            throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            if (f.isDirectory()) {
                keepRecorded(f.getPath(), recorded, kept);
                continue;
            }
            java.util.regex.Matcher m = PART.matcher(f.getPath().getName());
            if (m.find() && recorded.contains(Integer.parseInt(m.group(1)))) {
                kept.add(Integer.parseInt(m.group(1)));
            } else {
                fs.delete(f.getPath(), false);
            }
        }
    }

    /** Moves the files below {@code from} into {@code into}, keeping their paths below it. */
    private void moveInto(Path from, Path into) throws IOException {
        for (FileStatus f : fs.listStatus(from, p -> !p.getName().startsWith("_"))) {
            Path to = new Path(into, f.getPath().getName());
            if (f.isDirectory()) {
                fs.mkdirs(to);
                moveInto(f.getPath(), to);
            } else if (!fs.rename(f.getPath(), to)) {
                throw new IOException("cannot move " + f.getPath() + " to " + to);
            }
        }
    }
}
