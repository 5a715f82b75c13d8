package org.biospark.spark.score;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.biospark.geneset.MultipleTesting;
import org.biospark.geneset.WelchTest;
import org.biospark.spark.run.Job;

import scala.Tuple2;

/**
 * The tables and files made from the scores beyond {@code scores/}: the test of differences between the classes
 * (a row per dataset and set) and the wide export, a GCT per dataset of sets by samples for GSEA and Morpheus.
 * Both need a set's scores in every sample together, which one shuffle brings (a set's row is as long as the
 * samples; no task holds more than its sets' rows).
 */
final class ScoreOutputs {
    /** The folder of the wide export, beside the tables. */
    static final String WIDE = "wide";

    private final Job.Context run;
    private final Broadcast<ScorePlan> plan;
    private final JavaPairRDD<Tuple2<Integer, Integer>, double[]> bySet;

    ScoreOutputs(Job.Context run, Broadcast<ScorePlan> plan, JavaRDD<ScoreTasks.Cell> cells) {
        this.run = run;
        this.plan = plan;
        Broadcast<ScorePlan> p = plan;
        this.bySet = cells.mapToPair(c -> new Tuple2<>(new Tuple2<>(c.dataset(), c.slot()), c))
                .combineByKey(c -> {
                    double[] row = new double[p.value().datasets().get(c.dataset()).samples()];
                    row[c.sample()] = c.score();
                    return row;
                }, (row, c) -> {
                    row[c.sample()] = c.score();
                    return row;
                }, (a, b) -> {
                    for (int j = 0; j < a.length; j++) {
                        a[j] += b[j]; // each sample's score is in exactly one of the two
                    }
                    return a;
                }).persist(StorageLevel.MEMORY_AND_DISK_SER());
    }

    /** A score as a row of {@code scores/}. */
    static Row row(ScoreTasks.Cell c, ScorePlan plan) {
        ScorePlan.Dataset d = plan.datasets().get(c.dataset());
        ScorePlan.SetKey set = plan.sets().get(d.setIds()[c.slot()]);
        return ScoreSchema.LAYOUT.row().set(ScoreSchema.DATASET, d.matrix().name())
                .set(ScoreSchema.SAMPLE, d.matrix().layout().samples().get(c.sample()))
                .set(ScoreSchema.COLLECTION, set.collection()).set(ScoreSchema.GENE_SET, set.name())
                .set(ScoreSchema.SCORE, c.score()).set(ScoreSchema.SIZE, d.members()[c.slot()].length).build();
    }

    /** Writes {@code differences/}: Welch's test per set, BH over each dataset's sets; returns its rows. */
    long differences() {
        run.describe("Welch's test of the scores between the classes");
        Broadcast<ScorePlan> p = plan;
        List<Tuple2<Tuple2<Integer, Integer>, WelchTest.Result>> tests = bySet.mapToPair(e -> {
            ScoreInputs.Matrix m = p.value().datasets().get(e._1()._1()).matrix();
            return new Tuple2<>(e._1(), test(e._2(), m.inA()));
        }).collect();
        Map<Integer, List<Tuple2<Tuple2<Integer, Integer>, WelchTest.Result>>> byDataset = new HashMap<>();
        tests.forEach(t -> byDataset.computeIfAbsent(t._1()._1(), d -> new ArrayList<>()).add(t));
        List<Row> rows = new ArrayList<>();
        ScorePlan sp = plan.value();
        for (Map.Entry<Integer, List<Tuple2<Tuple2<Integer, Integer>, WelchTest.Result>>> e : byDataset.entrySet()) {
            List<Tuple2<Tuple2<Integer, Integer>, WelchTest.Result>> sets = e.getValue();
            sets.sort((a, b) -> Integer.compare(a._1()._2(), b._1()._2()));
            List<Double> tested = new ArrayList<>();
            sets.forEach(t -> {
                if (!Double.isNaN(t._2().pval())) {
                    tested.add(t._2().pval());
                }
            });
            double[] padj = MultipleTesting.benjaminiHochberg(tested.stream().mapToDouble(Double::doubleValue)
                    .toArray());
            ScorePlan.Dataset d = sp.datasets().get(e.getKey());
            int next = 0;
            for (Tuple2<Tuple2<Integer, Integer>, WelchTest.Result> t : sets) {
                WelchTest.Result r = t._2();
                boolean has = !Double.isNaN(r.pval());
                ScorePlan.SetKey set = sp.sets().get(d.setIds()[t._1()._2()]);
                rows.add(DifferenceSchema.LAYOUT.row().set(DifferenceSchema.DATASET, d.matrix().name())
                        .set(DifferenceSchema.COLLECTION, set.collection()).set(DifferenceSchema.GENE_SET, set.name())
                        .set(DifferenceSchema.SIZE, d.members()[t._1()._2()].length)
                        .set(DifferenceSchema.CLASS_A, d.matrix().classA())
                        .set(DifferenceSchema.CLASS_B, d.matrix().classB()).set(DifferenceSchema.N_A, r.nA())
                        .set(DifferenceSchema.N_B, r.nB()).set(DifferenceSchema.MEAN_A, r.meanA())
                        .set(DifferenceSchema.MEAN_B, r.meanB())
                        .set(DifferenceSchema.DIFFERENCE, r.meanA() - r.meanB())
                        .set(DifferenceSchema.T, has ? r.t() : null).set(DifferenceSchema.DF, has ? r.df() : null)
                        .set(DifferenceSchema.PVAL, has ? r.pval() : null)
                        .set(DifferenceSchema.PADJ, has ? padj[next++] : null).build());
            }
        }
        run.output().writeTable(DifferenceSchema.TABLE, run.spark().createDataFrame(rows, DifferenceSchema.SCHEMA)
                .coalesce(1));
        return rows.size();
    }

    private static WelchTest.Result test(double[] scores, boolean[] inA) {
        int a = 0;
        for (boolean x : inA) {
            a += x ? 1 : 0;
        }
        double[] ofA = new double[a];
        double[] ofB = new double[inA.length - a];
        int i = 0;
        int k = 0;
        for (int j = 0; j < inA.length; j++) {
            if (inA[j]) {
                ofA[i++] = scores[j];
            } else {
                ofB[k++] = scores[j];
            }
        }
        return WelchTest.test(ofA, ofB);
    }

    /** Writes {@code wide/DATASET.gct}: a line per set in the collections' order, a column per sample. */
    void wide() {
        run.describe("the wide export (GCT)");
        Broadcast<ScorePlan> p = plan;
        List<java.util.Set<String>> shared = new ArrayList<>();
        for (ScorePlan.Dataset d : plan.value().datasets()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> twice = new java.util.HashSet<>();
            for (int id : d.setIds()) {
                String name = plan.value().sets().get(id).name();
                if (!seen.add(name)) {
                    twice.add(name);
                }
            }
            shared.add(twice);
        }
        Iterator<Tuple2<Tuple2<Integer, Integer>, String>> lines = bySet.mapToPair(e -> {
            ScorePlan.Dataset d = p.value().datasets().get(e._1()._1());
            ScorePlan.SetKey set = p.value().sets().get(d.setIds()[e._1()._2()]);
            // GCT rows need names of their own: a name two collections share is prefixed with its collection
            StringBuilder line = new StringBuilder(shared.get(e._1()._1()).contains(set.name())
                    ? set.collection() + ":" : "").append(set.name()).append('\t').append(set.collection());
            for (double v : e._2()) {
                line.append('\t').append(v);
            }
            return new Tuple2<>(e._1(), line.toString());
        }).sortByKey(new SetOrder()).toLocalIterator();
        Path dir = new Path(run.output().staging(), WIDE);
        ScorePlan sp = plan.value();
        try {
            FileSystem fs = dir.getFileSystem(run.conf());
            fs.mkdirs(dir);
            Tuple2<Tuple2<Integer, Integer>, String> next = lines.hasNext() ? lines.next() : null;
            for (int d = 0; d < sp.datasets().size(); d++) {
                ScorePlan.Dataset data = sp.datasets().get(d);
                if (data.setIds().length == 0) {
                    continue;
                }
                try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(new Path(dir,
                        data.matrix().name() + ".gct"), false), StandardCharsets.UTF_8), 1 << 16)) {
                    out.write("#1.2\n" + data.setIds().length + "\t" + data.samples() + "\nNAME\tDescription\t"
                            + String.join("\t", data.matrix().layout().samples()) + "\n");
                    while (next != null && next._1()._1() == d) {
                        out.write(next._2());
                        out.write('\n');
                        next = lines.hasNext() ? lines.next() : null;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the wide export in " + dir, e);
        }
    }

    /** Datasets in input order, sets in the collections' order. */
    static final class SetOrder implements java.util.Comparator<Tuple2<Integer, Integer>>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<Integer, Integer> a, Tuple2<Integer, Integer> b) {
            int c = Integer.compare(a._1(), b._1());
            return c != 0 ? c : Integer.compare(a._2(), b._2());
        }
    }
}
