package org.biospark.spark.gsea;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.biospark.spark.run.GeneSets;
import org.biospark.spark.run.Reject;

/**
 * Which sets of each collection a dataset tests, as the kernel decides it (a set's size is its genes found in the
 * dataset, and the size filter applies to that), told to the user: the sets dropped by the filter, and the genes
 * of each set not found in the dataset, become rejects with the dataset named.
 */
final class SetFilter {
    private SetFilter() {
    }

    /**
     * How many sets of a dataset were tested and how many the size filter dropped.
     *
     * @param tested   sets tested
     * @param dropped  sets left out by the size filter
     * @param smallest the fewest genes of a set found in the dataset, over the sets with any (0: none had any)
     * @param largest  the most genes of a set found in the dataset
     * @param whole    sets whose genes found are the whole dataset (they cannot be scored)
     */
    record Outcome(long tested, long dropped, int smallest, int largest, long whole) {
        /** Why no set passed the size filter, and what to change. */
        String whyNone(int min, int max) {
            if (whole > 0 && largest < min) {
                return whole + " sets hold every gene of the dataset, which cannot be scored";
            }
            if (largest < min) {
                return "the largest set has " + largest + " of its genes in the dataset, fewer than --min-size "
                        + min + ": lower --min-size, or give the dataset more genes";
            }
            if (smallest > max) {
                return "the smallest set has " + smallest + " of its genes in the dataset, more than --max-size "
                        + max + ": raise --max-size";
            }
            return "the sets have " + smallest + " to " + largest + " of their genes in the dataset, none within"
                    + " --min-size " + min + " and --max-size " + max
                    + (whole > 0 ? ", and " + whole + " hold every gene of the dataset" : "");
        }
    }

    /**
     * @param found       a gene's rank in the dataset, or -1 when it is not there
     * @param datasetSize genes in the dataset (a set of all of them cannot be scored)
     */
    static Outcome rejects(ToIntFunction<String> found, int datasetSize, String dataset,
                          List<GeneSets.Collection> collections, int min, int max, List<Reject> rejects) {
        long tested = 0;
        long dropped = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        long whole = 0;
        for (GeneSets.Collection c : collections) {
            long ordinal = 0;
            for (Map.Entry<String, List<String>> set : c.sets().entrySet()) {
                ordinal++;
                int size = 0;
                for (String gene : set.getValue()) {
                    size += found.applyAsInt(gene) >= 0 ? 1 : 0;
                }
                int missing = set.getValue().size() - size;
                if (size > 0) {
                    smallest = Math.min(smallest, size);
                    largest = Math.max(largest, size);
                }
                whole += size >= datasetSize ? 1 : 0;
                long line = c.lines().getOrDefault(set.getKey(), 0L);
                if (size < min || size > max || size >= datasetSize) {
                    dropped++;
                    rejects.add(new Reject(c.file(), ordinal, line, set.getKey(), "size " + size
                            + (size >= datasetSize ? " is the whole dataset" : " outside " + min + ".." + max)
                            + " (" + missing + " of " + set.getValue().size() + " genes not in the dataset)", dataset));
                } else {
                    tested++;
                    if (missing > 0) {
                        rejects.add(new Reject(c.file(), ordinal, line, set.getKey(), missing + " of "
                                + set.getValue().size() + " genes not in the dataset (tested with " + size + ")",
                                dataset));
                    }
                }
            }
        }
        return new Outcome(tested, dropped, largest == 0 ? 0 : smallest, largest, whole);
    }
}
