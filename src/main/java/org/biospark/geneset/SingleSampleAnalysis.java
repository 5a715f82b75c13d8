package org.biospark.geneset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-sample gene-set scores of a whole expression matrix in one place: the genes the method cannot use dropped
 * (constant or not finite), the sets mapped to the genes left and filtered by size, then a score per set and sample.
 * The distributed pipeline runs the same steps split by gene and by sample; this is their definition, and the path
 * for matrices that fit in one task.
 */
public final class SingleSampleAnalysis {
    /** Below this standard deviation a gene counts as constant, as in the reference. */
    static final double CONSTANT_SD = 1e-10;

    private SingleSampleAnalysis() {
    }

    /** The methods, as GSVA names them. */
    public enum Method {
        GSVA, SSGSEA, ZSCORE, PLAGE
    }

    /**
     * @param kernel     GSVA's estimate of each gene's distribution (ignored by the other methods)
     * @param tau        the walk's weight exponent: GSVA's tau, ssGSEA's alpha
     * @param maxDiff    GSVA's score as the difference of the walk's extremes
     * @param absRanking GSVA's score, with {@code maxDiff}, as the sum of the extremes' magnitudes
     * @param normalise  ssGSEA's scores divided by their range over all sets and samples
     * @param minSize    the fewest genes of a set in the matrix
     * @param maxSize    the most
     */
    public record Options(Method method, GeneDensity.Kernel kernel, double tau, boolean maxDiff, boolean absRanking,
                          boolean normalise, int minSize, int maxSize)
            implements java.io.Serializable {
        /** The reference's defaults for {@code method}. */
        public static Options defaults(Method method) {
            return new Options(method, GeneDensity.Kernel.GAUSSIAN, method == Method.SSGSEA ? 0.25 : 1, true, false,
                    true, 1, Integer.MAX_VALUE);
        }
    }

    /**
     * The scores, {@code scores[set][sample]} for the kept sets in their input order, and what was left out.
     *
     * @param droppedGenes genes left out, with why
     * @param droppedSets  sets left out, with why
     */
    public record Result(List<String> sets, double[][] scores, int[] sizes, Map<String, String> droppedGenes,
                         Map<String, String> droppedSets) {
    }

    /** Why a gene's values cannot be used by {@code method}, or null when they can. */
    public static String unusable(double[] row, Method method) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return "a value that is not a finite number";
            }
        }
        if (method != Method.SSGSEA && !(ExactSums.sd(row) >= CONSTANT_SD)) {
            return "the same value in every sample";
        }
        return null;
    }

    public static Result run(List<String> genes, double[][] values, Map<String, List<String>> sets, Options o) {
        Map<String, String> droppedGenes = new LinkedHashMap<>();
        List<double[]> kept = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < genes.size(); g++) {
            String why = unusable(values[g], o.method());
            if (why == null && index.containsKey(genes.get(g))) {
                why = "a gene named again (its first row is used)";
            }
            if (why != null) {
                droppedGenes.putIfAbsent(genes.get(g), why);
            } else {
                index.put(genes.get(g), kept.size());
                kept.add(values[g]);
            }
        }
        Map<String, String> droppedSets = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        for (Map.Entry<String, List<String>> set : sets.entrySet()) {
            int[] m = set.getValue().stream().filter(index::containsKey).mapToInt(index::get).toArray();
            if (m.length < Math.max(1, o.minSize()) || m.length > o.maxSize()) {
                droppedSets.put(set.getKey(), m.length + " of its genes in the matrix, outside " + o.minSize()
                        + ".." + o.maxSize());
            } else {
                names.add(set.getKey());
                members.add(m);
            }
        }
        int[][] s = members.toArray(new int[0][]);
        double[][] rows = kept.toArray(new double[0][]);
        int n = rows.length == 0 ? 0 : rows[0].length;
        double[][] scores = new double[s.length][n];
        double[][] step = new double[rows.length][];
        for (int g = 0; g < rows.length; g++) {
            step[g] = geneStep(rows[g], o);
        }
        if (o.method() == Method.PLAGE) {
            for (int k = 0; k < s.length; k++) {
                double[][] block = new double[s[k].length][];
                for (int t = 0; t < s[k].length; t++) {
                    block[t] = step[s[k][t]];
                }
                scores[k] = Plage.scores(block);
            }
        } else {
            for (int j = 0; j < n; j++) {
                fill(scores, j, sampleStep(column(step, j), s, o));
            }
            if (o.method() == Method.SSGSEA && o.normalise()) {
                normalise(scores);
            }
        }
        int[] sizes = members.stream().mapToInt(m -> m.length).toArray();
        return new Result(names, scores, sizes, droppedGenes, droppedSets);
    }

    /**
     * The per-gene step of the method, from one gene's values in every sample: GSVA's densities, the standardised
     * values (z-score, PLAGE), or the values as they are (ssGSEA ranks them within each sample).
     */
    public static double[] geneStep(double[] row, Options o) {
        return switch (o.method()) {
            case GSVA -> GeneDensity.of(row, o.kernel());
            case ZSCORE, PLAGE -> SingleSampleScores.standardised(row);
            case SSGSEA -> row;
        };
    }

    /**
     * One sample's scores of {@code sets} from its column of {@link #geneStep} over all genes (every method but
     * PLAGE, which scores a set over all samples at once); ssGSEA's scores before the normalisation.
     */
    public static double[] sampleStep(double[] column, int[][] sets, Options o) {
        return switch (o.method()) {
            case GSVA -> SingleSampleScores.gsva(column, sets, o.tau(), o.maxDiff(), o.absRanking());
            case SSGSEA -> SingleSampleScores.ssgsea(column, sets, o.tau());
            case ZSCORE -> SingleSampleScores.zscore(column, sets);
            case PLAGE -> throw new IllegalArgumentException("PLAGE scores a set over all samples at once");
        };
    }

    /** ssGSEA's normalisation: every score over the range of all of them. */
    public static void normalise(double[][] scores) {
        double[] range = range(scores);
        for (double[] row : scores) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= range[1] - range[0];
            }
        }
    }

    /** The lowest and the highest score. */
    public static double[] range(double[][] scores) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : scores) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int g = 0; g < rows.length; g++) {
            c[g] = rows[g][j];
        }
        return c;
    }

    private static void fill(double[][] scores, int j, double[] column) {
        for (int k = 0; k < column.length; k++) {
            scores[k][j] = column[k];
        }
    }
}
