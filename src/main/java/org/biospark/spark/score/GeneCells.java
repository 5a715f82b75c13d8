package org.biospark.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.spark.run.Reject;

/**
 * A long expression table's gene: its rows, one per sample, made one gene line as a GCT's is read. Every row is
 * used or rejected once: a sample named again for the gene is rejected (the first row stands); a value that is not
 * a finite number, a sample without a row, or values the method cannot use leave the gene out, each of its rows a
 * reject that says why.
 */
final class GeneCells {
    private GeneCells() {
    }

    /**
     * A row on its way to its gene: its number in the table, sample and value; or, for a row that names no
     * dataset, gene or sample, its reject.
     *
     * @param text the value as the table holds it, where it is not a finite number
     */
    record Cell(long row, String sample, double value, String text, Reject problem) implements Serializable {
    }

    /**
     * The gene line of {@code cells}, in table order; the gene's place is its first row.
     *
     * @param index the dataset's samples, by name, to their columns
     */
    static MatrixRows.Parsed parse(ScoreInputs.Matrix m, int dataset, String gene, List<Cell> cells,
                                   Map<String, Integer> index, SingleSampleAnalysis.Method method,
                                   GeneDensity.Kernel kernel) {
        int n = m.samples();
        double[] values = new double[n];
        long[] first = new long[n];
        List<Reject> rejects = new ArrayList<>();
        List<Cell> used = new ArrayList<>();
        String leftOut = null;
        for (Cell c : cells) {
            int j = index.get(c.sample());
            if (first[j] != 0) {
                rejects.add(m.reject(c.row(), gene, "sample " + c.sample() + " repeated for gene " + gene
                        + " (first at row " + first[j] + ")"));
                continue;
            }
            first[j] = c.row();
            if (!Double.isFinite(c.value())) {
                rejects.add(m.reject(c.row(), gene, "sample " + c.sample() + ": '" + c.text() + "' is not a finite"
                        + " number (the gene is left out)"));
                leftOut = leftOut != null ? leftOut : "its value for sample " + c.sample() + " is not a finite number"
                        + " (row " + c.row() + ")";
                continue;
            }
            values[j] = c.value();
            used.add(c);
        }
        long where = cells.get(0).row();
        for (int j = 0; j < n && leftOut == null; j++) {
            if (first[j] == 0) {
                leftOut = "it has no value for sample " + m.layout().samples().get(j);
            }
        }
        if (leftOut == null) {
            MatrixRows.Parsed line = MatrixRows.row(m, dataset, where, gene, values, j -> String.valueOf(values[j]),
                    method, kernel);
            if (line.row().usable()) {
                return new MatrixRows.Parsed(line.row(), rejects);
            }
            leftOut = "it has " + SingleSampleAnalysis.unusable(values, method);
        }
        for (Cell c : used) {
            rejects.add(m.reject(c.row(), gene, "the gene is left out: " + leftOut));
        }
        return new MatrixRows.Parsed(new MatrixRows.Row(dataset, where, gene, null, false), rejects);
    }
}
