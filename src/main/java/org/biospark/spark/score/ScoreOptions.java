package org.biospark.spark.score;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.biospark.UsageException;
import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.geneset.SingleSampleAnalysis.Method;

/**
 * What a {@code score} run computes, with the reference's defaults: made by {@link #builder}, checked by
 * {@link #analysis()} before any file is touched.
 *
 * @param blockBytes the most a task holds of one matrix's values at a time (a block of samples of every gene, or a
 *                   set's genes in every sample)
 * @param tables     how tables among the inputs are read
 */
public record ScoreOptions(List<String> geneSets, List<String> expression, List<String> labels, String out,
                           boolean overwrite, Method method, GeneDensity.Kernel kernel, double tau, boolean maxDiff,
                           boolean absRanking, boolean normalise, int minSize, int maxSize, String classA,
                           boolean wide, int partitions, long blockBytes, Columns tables)
        implements Serializable {
    /** The default share of a matrix a task holds at a time. */
    public static final long BLOCK_BYTES = 64L << 20;

    /**
     * How tables among the inputs are read: their format (null: by extension, see
     * {@link org.biospark.spark.run.Tables}) and columns.
     *
     * @param dataset    an expression or labels table's dataset column (null: {@code dataset} when the table has it,
     *                   else the table is one dataset named after it)
     * @param gene       an expression table's gene column
     * @param sample     a long expression table's sample column (a table without it is wide: a column per sample),
     *                   and a labels table's
     * @param value      a long expression table's value column
     * @param collection a gene-set table's collection column (null: {@code collection} when it has one, else the
     *                   table is one collection named after it)
     * @param geneSet    a gene-set table's set column
     */
    public record Columns(String format, String dataset, String gene, String sample, String value, String collection,
                          String geneSet) implements Serializable {
        /** Columns by their usual names, the format by extension. */
        public static final Columns DEFAULT = new Columns(null, null, null, null, null, null, null);

        public Columns {
            gene = gene == null ? "gene" : gene;
            sample = sample == null ? "sample" : sample;
            value = value == null ? "value" : value;
            geneSet = geneSet == null ? "gene_set" : geneSet;
        }

        /** The columns by their manifest names. */
        public Map<String, String> parameters() {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("format", format);
            t.put("dataset", dataset);
            t.put("gene", gene);
            t.put("sample", sample);
            t.put("value", value);
            t.put("collection", collection);
            t.put("gene_set", geneSet);
            return t;
        }

        /** Whether any was given, which makes a {@code .tsv} matrix a table rather than a TSV matrix file. */
        boolean given() {
            return !equals(DEFAULT);
        }
    }

    /** Options for {@code method} with the reference's defaults, scoring {@code expression} into {@code out}. */
    public static Builder builder(Method method, List<String> geneSets, List<String> expression, String out) {
        return new Builder(method, geneSets, expression, out);
    }

    /** The kernels' options: checked, with the method's default tau where none was given. */
    public SingleSampleAnalysis.Options analysis() {
        if (method == null) {
            throw new UsageException("--method is required: gsva, ssgsea, zscore or plage");
        }
        if (minSize < 1 || maxSize < minSize) {
            throw new UsageException("need 1 <= --min-size <= --max-size, not " + minSize + ".." + maxSize);
        }
        if (!Double.isNaN(tau) && !(tau >= 0 && Double.isFinite(tau))) {
            throw new UsageException("--tau must be a number >= 0: " + tau);
        }
        if (kernel != GeneDensity.Kernel.GAUSSIAN && method != Method.GSVA) {
            throw new UsageException("--kcdf is for --method gsva (the other methods use the values as they are)");
        }
        if (!Double.isNaN(tau) && method != Method.GSVA && method != Method.SSGSEA) {
            throw new UsageException("--tau is for --method gsva and ssgsea");
        }
        if ((!maxDiff || absRanking) && method != Method.GSVA) {
            throw new UsageException("--no-max-diff and --abs-ranking are for --method gsva");
        }
        if (absRanking && !maxDiff) {
            throw new UsageException("--abs-ranking needs the max-diff score: drop --no-max-diff");
        }
        if (!normalise && method != Method.SSGSEA) {
            throw new UsageException("--no-normalise is for --method ssgsea");
        }
        if (blockBytes < 1) {
            throw new UsageException("--block-mb must be at least 1");
        }
        if (partitions < 0) {
            throw new UsageException("--partitions must be 0 (automatic) or more: " + partitions);
        }
        SingleSampleAnalysis.Options d = SingleSampleAnalysis.Options.defaults(method);
        return new SingleSampleAnalysis.Options(method, kernel, Double.isNaN(tau) ? d.tau() : tau, maxDiff,
                absRanking, normalise, minSize, maxSize);
    }

    /** Builds {@link ScoreOptions}; everything but the method, the inputs and the output is optional. */
    public static final class Builder {
        private final Method method;
        private final List<String> geneSets;
        private final List<String> expression;
        private final String out;
        private List<String> labels = List.of();
        private boolean overwrite;
        private GeneDensity.Kernel kernel = GeneDensity.Kernel.GAUSSIAN;
        private double tau = Double.NaN;
        private boolean maxDiff = true;
        private boolean absRanking;
        private boolean normalise = true;
        private int minSize = 1;
        private int maxSize = Integer.MAX_VALUE;
        private String classA;
        private boolean wide;
        private int partitions;
        private long blockBytes = BLOCK_BYTES;
        private Columns tables = Columns.DEFAULT;

        private Builder(Method method, List<String> geneSets, List<String> expression, String out) {
            this.method = method;
            this.geneSets = geneSets == null ? List.of() : List.copyOf(geneSets);
            this.expression = expression == null ? List.of() : List.copyOf(expression);
            this.out = out;
        }

        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        /** One CLS file per expression file, and the class tested against the other (null: the first class). */
        public Builder labels(List<String> files, String a) {
            labels = files == null ? List.of() : List.copyOf(files);
            classA = a;
            return this;
        }

        public Builder kernel(GeneDensity.Kernel value) {
            kernel = value == null ? GeneDensity.Kernel.GAUSSIAN : value;
            return this;
        }

        /** The walk's exponent; NaN for the method's default. */
        public Builder tau(double value) {
            tau = value;
            return this;
        }

        public Builder maxDiff(boolean value) {
            maxDiff = value;
            return this;
        }

        public Builder absRanking(boolean value) {
            absRanking = value;
            return this;
        }

        public Builder normalise(boolean value) {
            normalise = value;
            return this;
        }

        public Builder sizes(int min, int max) {
            minSize = min;
            maxSize = max;
            return this;
        }

        public Builder wide(boolean value) {
            wide = value;
            return this;
        }

        public Builder partitions(int value) {
            partitions = value;
            return this;
        }

        public Builder blockBytes(long value) {
            blockBytes = value;
            return this;
        }

        /** How tables among the inputs are read (null: {@link Columns#DEFAULT}). */
        public Builder tables(Columns value) {
            tables = value == null ? Columns.DEFAULT : value;
            return this;
        }

        public ScoreOptions build() {
            return new ScoreOptions(geneSets, expression, labels, out, overwrite, method, kernel, tau, maxDiff,
                    absRanking, normalise, minSize, maxSize, classA, wide, partitions, blockBytes, tables);
        }
    }
}
