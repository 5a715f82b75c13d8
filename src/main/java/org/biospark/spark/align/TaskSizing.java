package org.biospark.spark.align;

import java.util.Arrays;

/**
 * How the align job cuts its work into tasks: by cost (query residues times the references' residues, over both
 * strands), about {@link #CELLS_PER_TASK} cells a task and at least four tasks per core, so that tasks are long
 * enough to pay for their start and a few long queries cannot leave one task straggling.
 */
final class TaskSizing {
    /**
     * Alignment cells per task that the default partition count aims at: about a second of one core. Smaller tasks
     * cost more than they balance: every task deserializes its closure and opens, writes and commits a Parquet file
     * of its own (BENCHMARKS.md, align end to end).
     */
    static final double CELLS_PER_TASK = 2e10;
    /** The smallest split of a plain query file when the split size is chosen from the work. */
    static final long MIN_SPLIT_BYTES = 1L << 20;

    private TaskSizing() {
    }

    /**
     * The split size of plain query files: as given, or sized so that a split holds about one task's work against
     * all references and strands but the input makes at least the four tasks per core of {@link #tasksFor},
     * between {@link #MIN_SPLIT_BYTES} and {@link AlignOptions#DEFAULT_SPLIT_BYTES}.
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
