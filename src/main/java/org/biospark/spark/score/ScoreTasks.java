package org.biospark.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.biospark.geneset.Plage;
import org.biospark.geneset.SingleSampleAnalysis;

import scala.Tuple2;

/**
 * The scores from the gene rows, in two stages. Each gene's row takes the method's per-gene step where it was read
 * (GSVA's densities need all samples of one gene) and is cut into the pieces its groups need: a block of samples
 * (for the per-sample walks) or, for PLAGE, one piece per set it is in. A shuffle brings each group's pieces
 * together, sorted, so that a task fills one group at a time, scores it and lets it go: no task holds more than one
 * group (a block of samples of every gene, or a set's genes in every sample). Every score is a function of its
 * group's values alone, so none depends on how the work was split.
 */
final class ScoreTasks {
    private ScoreTasks() {
    }

    /** A piece's place: its dataset, its group (block or set) and its item (gene, or place in the set). */
    record Key(int dataset, int group, int item) implements Serializable {
    }

    /** One score: dataset, sample, the set's slot among the dataset's kept sets. */
    record Cell(int dataset, int sample, int slot, double score) implements Serializable {
    }

    /** Orders the pieces by dataset, group and item, so that a group's pieces arrive together and in order. */
    static final class KeyOrder implements Comparator<Key>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Key a, Key b) {
            int c = Integer.compare(a.dataset(), b.dataset());
            c = c != 0 ? c : Integer.compare(a.group(), b.group());
            return c != 0 ? c : Integer.compare(a.item(), b.item());
        }
    }

    /** Sends a group to a partition by its ordinal over all datasets, so that groups spread evenly. */
    static final class GroupPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int[] bases;
        private final int partitions;

        GroupPartitioner(ScorePlan plan, int partitions) {
            this.bases = plan.datasets().stream().mapToInt(ScorePlan.Dataset::groupBase).toArray();
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            Key k = (Key) key;
            return (bases[k.dataset()] + k.group()) % partitions;
        }
    }

    /** The scores of every kept set in every sample of every dataset (ssGSEA's before the normalisation). */
    static JavaRDD<Cell> scores(JavaRDD<MatrixRows.Row> rows, Broadcast<ScorePlan> plan,
                                SingleSampleAnalysis.Options o, int partitions) {
        JavaPairRDD<Key, double[]> pieces = rows.flatMapToPair(r -> pieces(r, plan.value(), o).iterator());
        return pieces.repartitionAndSortWithinPartitions(new GroupPartitioner(plan.value(), partitions),
                new KeyOrder()).mapPartitions(sorted -> new Groups(sorted, plan.value(), o));
    }

    private static List<Tuple2<Key, double[]>> pieces(MatrixRows.Row r, ScorePlan plan,
                                                      SingleSampleAnalysis.Options o) {
        ScorePlan.Dataset d = plan.datasets().get(r.dataset());
        int g = d.geneIndex(r.line());
        if (g < 0 || d.groups() == 0) {
            return List.of();
        }
        double[] step = SingleSampleAnalysis.geneStep(r.values(), o);
        List<Tuple2<Key, double[]>> out = new ArrayList<>();
        if (d.places() != null) {
            int[] places = d.places()[g];
            for (int i = 0; i < places.length; i += 2) {
                out.add(new Tuple2<>(new Key(r.dataset(), places[i], places[i + 1]), step));
            }
        } else {
            for (int b = 0; b < d.groups(); b++) {
                int from = b * d.width();
                out.add(new Tuple2<>(new Key(r.dataset(), b, g),
                        java.util.Arrays.copyOfRange(step, from, Math.min(step.length, from + d.width()))));
            }
        }
        return out;
    }

    /** Reads a partition's sorted pieces one group at a time and gives that group's scores. */
    private static final class Groups implements Iterator<Cell> {
        private final Iterator<Tuple2<Key, double[]>> sorted;
        private final ScorePlan plan;
        private final SingleSampleAnalysis.Options o;
        private Tuple2<Key, double[]> pending;
        private Iterator<Cell> cells = java.util.Collections.emptyIterator();

        Groups(Iterator<Tuple2<Key, double[]>> sorted, ScorePlan plan, SingleSampleAnalysis.Options o) {
            this.sorted = sorted;
            this.plan = plan;
            this.o = o;
            this.pending = sorted.hasNext() ? sorted.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (!cells.hasNext() && pending != null) {
                cells = nextGroup().iterator();
            }
            return cells.hasNext();
        }

        @Override
        public Cell next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return cells.next();
        }

        private List<Cell> nextGroup() {
            Key first = pending._1();
            ScorePlan.Dataset d = plan.datasets().get(first.dataset());
            int expected = d.places() != null ? d.members()[first.group()].length : d.genes();
            double[][] items = new double[expected][];
            int filled = 0;
            while (pending != null && pending._1().dataset() == first.dataset()
                    && pending._1().group() == first.group()) {
                items[pending._1().item()] = pending._2();
                filled++;
                pending = sorted.hasNext() ? sorted.next() : null;
            }
            if (filled != expected) {
                throw new IllegalStateException("group " + first + " of " + d.matrix().name() + " has " + filled
                        + " of its " + expected + " pieces");
            }
            List<Cell> out = new ArrayList<>();
            if (d.places() != null) {
                double[] scores = Plage.scores(items);
                for (int j = 0; j < scores.length; j++) {
                    out.add(new Cell(first.dataset(), j, first.group(), scores[j]));
                }
                return out;
            }
            int width = items[0].length;
            double[] column = new double[expected];
            for (int c = 0; c < width; c++) {
                for (int g = 0; g < expected; g++) {
                    column[g] = items[g][c];
                }
                double[] scores = SingleSampleAnalysis.sampleStep(column, d.members(), o);
                int sample = first.group() * d.width() + c;
                for (int k = 0; k < scores.length; k++) {
                    out.add(new Cell(first.dataset(), sample, k, scores[k]));
                }
            }
            return out;
        }
    }
}
