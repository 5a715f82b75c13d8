package org.biospark.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.biospark.UsageException;
import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.io.GctFile;
import org.biospark.io.LineProblem;
import org.biospark.spark.run.Reject;

import scala.Tuple2;

/**
 * The gene lines of the matrices, read by the tasks in splits of each file (or table, see {@link MatrixTables}): a
 * row per gene line with its values, and a reject per line that cannot be read and per cell that is not a finite
 * number (the gene is then left out, as the reference drops genes with missing values). No task holds more than its
 * split's lines at a time.
 */
final class MatrixRows {
    private MatrixRows() {
    }

    /**
     * A gene line: where it is, its values, and whether the method can use them (all finite, and not constant
     * where the method divides by the spread).
     */
    record Row(int dataset, long line, String gene, double[] values, boolean usable) implements Serializable {
    }

    /** What a gene line becomes: a row, or rejects (a bad line; a bad cell each), or both. */
    record Parsed(Row row, List<Reject> rejects) implements Serializable {
    }

    /** The gene lines of every matrix, parsed: one split of a file (or of a table) per task. */
    static JavaRDD<Parsed> read(JavaSparkContext jsc, ScoreInputs inputs, SingleSampleAnalysis.Method method,
                                GeneDensity.Kernel kernel) {
        List<JavaRDD<Parsed>> parts = new ArrayList<>();
        for (int d = 0; d < inputs.datasets().size(); d++) {
            ScoreInputs.Matrix m = inputs.datasets().get(d);
            if (m.table()) {
                continue;
            }
            int dataset = d;
            parts.add(jsc.textFile(m.file()).zipWithIndex().flatMap(
                    line -> parse(line, dataset, m, method, kernel)));
        }
        for (MatrixTables.Source table : inputs.tables()) {
            parts.add(MatrixTables.read(table, inputs.datasets(), method, kernel));
        }
        return parts.size() == 1 ? parts.get(0) : jsc.union(parts.toArray(new JavaRDD[0]));
    }

    /** A line as what it becomes: nothing for the header and blank lines; one line at a time, never a split. */
    private static Iterator<Parsed> parse(Tuple2<String, Long> next, int dataset, ScoreInputs.Matrix m,
                                          SingleSampleAnalysis.Method method, GeneDensity.Kernel kernel) {
        long line = next._2() + 1;
        if (line <= m.layout().headerLines()) {
            return java.util.Collections.emptyIterator();
        }
        List<LineProblem> problems = new ArrayList<>(1);
        String[] fields = GctFile.row(next._1(), m.layout(), m.file(), line, problems);
        if (fields == null) {
            return problems.isEmpty() ? java.util.Collections.emptyIterator()
                    : List.of(new Parsed(null, List.of(withDataset(Reject.of(problems.get(0)), m.name())))).iterator();
        }
        int skip = m.layout().gct() ? 2 : 1;
        double[] values = new double[m.samples()];
        for (int j = 0; j < values.length; j++) {
            try {
                values[j] = Double.parseDouble(fields[j + skip].strip());
            } catch (NumberFormatException e) {
                values[j] = Double.NaN;
            }
        }
        return List.of(row(m, dataset, line, fields[0].strip(), values, j -> fields[j + skip].strip(), method,
                kernel)).iterator();
    }

    /**
     * A gene's values as what they become: a usable row, or an unusable one with a reject per cell that is not a
     * finite number, or one for a gene the method cannot use.
     *
     * @param where the gene's line (a file) or row (a table)
     * @param text  a cell as the input spells it, for the rejects
     * @throws UsageException for a fractional count under the Poisson kernel
     */
    static Parsed row(ScoreInputs.Matrix m, int dataset, long where, String gene, double[] values,
                      IntFunction<String> text, SingleSampleAnalysis.Method method, GeneDensity.Kernel kernel) {
        List<Reject> bad = null;
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            if (!Double.isFinite(v)) {
                if (bad == null) {
                    bad = new ArrayList<>();
                }
                bad.add(m.reject(where, gene, "sample " + m.layout().samples().get(j) + ": '" + text.apply(j)
                        + "' is not a finite number (the gene is left out)"));
            } else if (kernel == GeneDensity.Kernel.POISSON && v != Math.rint(v)) {
                throw new UsageException("--kcdf poisson is for counts, and " + m.at(where) + " (gene " + gene
                        + ", sample " + m.layout().samples().get(j) + ") holds " + text.apply(j) + ": give"
                        + " whole-number counts, or --kcdf gaussian for continuous values");
            }
        }
        if (bad != null) {
            return new Parsed(new Row(dataset, where, gene, null, false), bad);
        }
        String why = SingleSampleAnalysis.unusable(values, method);
        if (why != null) {
            return new Parsed(new Row(dataset, where, gene, null, false), List.of(m.reject(where, gene,
                    "the gene has " + why + " (it is left out)")));
        }
        return new Parsed(new Row(dataset, where, gene, values, true), List.of());
    }

    private static Reject withDataset(Reject r, String dataset) {
        return new Reject(r.source(), r.recordNumber(), r.line(), r.id(), r.reason(), dataset);
    }
}
