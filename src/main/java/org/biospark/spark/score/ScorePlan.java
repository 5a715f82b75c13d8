package org.biospark.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.spark.run.GeneSets;
import org.biospark.spark.run.Reject;

/**
 * What the tasks need to know of each matrix once its gene lines were looked at (by name and usability, not by
 * value): the genes kept, in line order (a gene's index is its place among them), the sets mapped to them and kept by
 * the size filter, and how the work is cut into groups (blocks of samples, or sets for PLAGE), each small enough
 * for one task to hold.
 *
 * @param datasets each matrix's plan, in input order
 * @param sets     every set of every collection, in input order; a plan's sets index into it
 */
record ScorePlan(List<Dataset> datasets, List<SetKey> sets) implements Serializable {
    /** A set: its collection and name. */
    record SetKey(String collection, String name) implements Serializable {
    }

    /**
     * @param keptLines   the lines of the genes kept, increasing
     * @param order       each kept line's gene index, where it is not the line's place among them (a table's genes
     *                    are in name order), else null
     * @param members     each kept set's genes, as indices among the kept genes (a gene twice in a set counts twice)
     * @param setIds      each kept set's index in {@link ScorePlan#sets}
     * @param width       samples per block (for the walks)
     * @param groupBase   the first group's ordinal over all datasets, for the partitioner
     * @param groups      the dataset's groups: blocks of samples, or (PLAGE) kept sets
     * @param filtered    sets left out by the size filter
     * @param places      PLAGE: each gene's (set, place in the set) pairs, {@code [g] = {k0, t0, k1, t1, ...}}
     */
    record Dataset(ScoreInputs.Matrix matrix, long[] keptLines, int[] order, int[][] members, int[] setIds, int width,
                   int groupBase, int groups, int filtered, int[][] places) implements Serializable {
        int genes() {
            return keptLines.length;
        }

        int samples() {
            return matrix.samples();
        }

        /** A kept gene's index, from its line; -1 for a line not kept. */
        int geneIndex(long line) {
            int i = Arrays.binarySearch(keptLines, line);
            return i < 0 ? -1 : order == null ? i : order[i];
        }
    }

    /**
     * A table's genes in name order: {@code index} (name to place in row order) renumbered, returning each row-order
     * place's new index. A table's row order is the order Spark reads its files and splits in, which can change with
     * the parallelism; a walk's ties are broken by gene order, so the order must not.
     */
    private static int[] byName(Map<String, Integer> index) {
        List<String> names = new ArrayList<>(index.keySet());
        names.sort(Comparator.naturalOrder());
        int[] order = new int[names.size()];
        for (int rank = 0; rank < names.size(); rank++) {
            order[index.get(names.get(rank))] = rank;
            index.put(names.get(rank), rank);
        }
        return order;
    }

    /** Each gene's (set, place in the set) pairs, {@code [g] = {k0, t0, k1, t1, ...}}: PLAGE's grouping. */
    private static int[][] places(int genes, int[][] members) {
        int[] count = new int[genes];
        for (int[] m : members) {
            for (int g : m) {
                count[g]++;
            }
        }
        int[][] places = new int[genes][];
        for (int g = 0; g < genes; g++) {
            places[g] = new int[2 * count[g]];
        }
        int[] filled = new int[genes];
        for (int k = 0; k < members.length; k++) {
            for (int t = 0; t < members[k].length; t++) {
                int g = members[k][t];
                places[g][filled[g]++] = k;
                places[g][filled[g]++] = t;
            }
        }
        return places;
    }

    /**
     * The plan from each matrix's gene lines ({@code rows}, values left out) and the collections; a gene named again
     * after a usable line of the same name goes to {@code rejects}, as the first usable line is the one scored. Each
     * dataset's samples are cut into at least {@code minGroups} blocks where it has that many samples.
     */
    static ScorePlan of(ScoreInputs inputs, List<MatrixRows.Row> rows, SingleSampleAnalysis.Options o,
                        long blockBytes, int minGroups, List<Reject> rejects) {
        List<SetKey> keys = new ArrayList<>();
        List<List<String>> genesOfSets = new ArrayList<>();
        for (GeneSets.Collection c : inputs.collections()) {
            c.sets().forEach((name, genes) -> {
                keys.add(new SetKey(c.name(), name));
                genesOfSets.add(genes);
            });
        }
        List<List<MatrixRows.Row>> byDataset = new ArrayList<>();
        inputs.datasets().forEach(m -> byDataset.add(new ArrayList<>()));
        rows.forEach(r -> byDataset.get(r.dataset()).add(r));
        List<Dataset> plans = new ArrayList<>();
        int base = 0;
        for (int d = 0; d < byDataset.size(); d++) {
            ScoreInputs.Matrix m = inputs.datasets().get(d);
            List<MatrixRows.Row> lines = byDataset.get(d);
            lines.sort(Comparator.comparingLong(MatrixRows.Row::line));
            Map<String, Integer> index = new HashMap<>();
            Map<String, Long> firstLine = new HashMap<>();
            long[] kept = new long[lines.size()];
            int g = 0;
            for (MatrixRows.Row r : lines) {
                if (!r.usable()) {
                    continue;
                }
                Long first = firstLine.putIfAbsent(r.gene(), r.line());
                if (first != null) {
                    rejects.add(m.reject(r.line(), r.gene(), "the gene is named again (the " + m.unit() + " "
                            + first + " of that name is scored)"));
                    continue;
                }
                index.put(r.gene(), g);
                kept[g++] = r.line();
            }
            kept = Arrays.copyOf(kept, g);
            int[] order = m.table() ? byName(index) : null;
            List<int[]> members = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            int filtered = 0;
            for (int k = 0; k < keys.size(); k++) {
                int[] in = genesOfSets.get(k).stream().filter(index::containsKey).mapToInt(index::get).toArray();
                if (in.length < o.minSize() || in.length > o.maxSize()) {
                    filtered++;
                } else {
                    members.add(in);
                    ids.add(k);
                }
            }
            int n = m.samples();
            // at most blockBytes of values a block, and enough blocks to keep every core busy
            int width = (int) Math.max(1, Math.min(Math.min(n, blockBytes / (8L * Math.max(1, g))),
                    (n + minGroups - 1) / minGroups));
            int groups = members.isEmpty() ? 0 : o.method() == SingleSampleAnalysis.Method.PLAGE ? members.size()
                    : (n + width - 1) / width;
            int[][] sets = members.toArray(new int[0][]);
            boolean plage = o.method() == SingleSampleAnalysis.Method.PLAGE;
            plans.add(new Dataset(m, kept, order, sets, ids.stream().mapToInt(i -> i).toArray(), width, base, groups,
                    filtered, plage ? places(g, sets) : null));
            base += groups;
        }
        return new ScorePlan(List.copyOf(plans), List.copyOf(keys));
    }

    /** Groups over all datasets. */
    int groups() {
        return datasets.stream().mapToInt(Dataset::groups).sum();
    }
}
