package org.biospark.spark.gsea;

import java.io.Serializable;
import java.util.List;

import org.biospark.geneset.RankingMetric;

/**
 * The parameters of a {@code gsea} run, as the command line or a notebook gives them.
 *
 * @param geneSets           GMT files or directories of them; the collection is the file name without extension
 * @param ranks              RNK files or directories (preranked): one dataset per file
 * @param expression         GCT or TSV matrices (phenotype), paired in order with {@code labels}
 * @param labels             CLS files, one per matrix
 * @param genes              gene lists (ORA), one gene a line, one dataset per file
 * @param universe           the ORA universe, one gene a line (null: every gene of the collections)
 * @param out                output directory
 * @param overwrite          replace it
 * @param method             preranked, phenotype or ORA (null: from the inputs given)
 * @param permutations       permutations per dataset
 * @param multilevel         multilevel splitting for small p-values (preranked)
 * @param minSize            smallest set size tested
 * @param maxSize            largest set size tested
 * @param weight             the exponent p of the running sum's weights
 * @param metric             the ranking metric of phenotype mode
 * @param seed               the random seed
 * @param collapseDuplicates collapse duplicate genes of an RNK by largest |statistic| instead of rejecting them
 * @param classA             phenotype mode: the class ranked first (null: the first class of each CLS file)
 * @param partitions         tasks (0: sized from the work and the cores)
 * @param resume             continue the interrupted run on {@code out}, reusing the datasets it committed
 * @param tables             how ranks and gene sets given as tables are read
 */
public record GseaOptions(List<String> geneSets, List<String> ranks, List<String> expression, List<String> labels,
                          List<String> genes, String universe, String out, boolean overwrite, GseaMethod method,
                          int permutations, boolean multilevel, int minSize, int maxSize, double weight,
                          RankingMetric metric, long seed, boolean collapseDuplicates, String classA, int partitions,
                          boolean resume, TableColumns tables)
        implements Serializable {
    public GseaOptions {
        geneSets = geneSets == null ? List.of() : List.copyOf(geneSets);
        ranks = ranks == null ? List.of() : List.copyOf(ranks);
        tables = tables == null ? TableColumns.DEFAULT : tables;
        expression = expression == null ? List.of() : List.copyOf(expression);
        labels = labels == null ? List.of() : List.copyOf(labels);
        genes = genes == null ? List.of() : List.copyOf(genes);
    }

    /** Preranked GSEA of RNK files with the usual defaults (1,000 permutations, 15..500, weight 1, seed 42). */
    public static GseaOptions preranked(List<String> geneSets, List<String> ranks, String out) {
        return builder(geneSets, out).ranks(ranks).build();
    }

    /**
     * A run to fill in option by option (what a notebook uses). Defaults as on the command line: 1,000 permutations,
     * sizes 15..500, weight 1, Signal2Noise, seed 42, the method implied by the datasets given.
     */
    public static Builder builder(List<String> geneSets, String out) {
        return new Builder(geneSets, out);
    }

    /** Builds {@link GseaOptions}; give exactly one kind of dataset (ranks, expression with labels, or genes). */
    public static final class Builder {
        private final List<String> geneSets;
        private final String out;
        private List<String> ranks;
        private List<String> expression;
        private List<String> labels;
        private List<String> genes;
        private String universe;
        private boolean overwrite;
        private GseaMethod method;
        private int permutations = 1000;
        private boolean multilevel;
        private int minSize = 15;
        private int maxSize = 500;
        private double weight = 1.0;
        private RankingMetric metric = RankingMetric.SIGNAL2NOISE;
        private long seed = 42;
        private boolean collapseDuplicates;
        private String classA;
        private TableColumns tables;
        private int partitions;
        private boolean resume;

        private Builder(List<String> geneSets, String out) {
            this.geneSets = geneSets;
            this.out = out;
        }

        /** Preranked datasets: RNK files or directories. */
        public Builder ranks(List<String> files) {
            ranks = files;
            return this;
        }

        /** Phenotype datasets: expression matrices (GCT or TSV) and their CLS files, paired in order. */
        public Builder expression(List<String> matrices, List<String> classLabels) {
            expression = matrices;
            labels = classLabels;
            return this;
        }

        /** Over-representation: gene lists, and the universe (null: every gene of the collections). */
        public Builder genes(List<String> lists, String universeFile) {
            genes = lists;
            universe = universeFile;
            return this;
        }

        public Builder overwrite() {
            return overwrite(true);
        }

        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        /** Preranked, phenotype or ORA (null: implied by the datasets). */
        public Builder method(GseaMethod value) {
            method = value;
            return this;
        }

        public Builder permutations(int count) {
            permutations = count;
            return this;
        }

        /** Multilevel splitting for p-values below 1 / permutations (preranked). */
        public Builder multilevel() {
            return multilevel(true);
        }

        public Builder multilevel(boolean value) {
            multilevel = value;
            return this;
        }

        public Builder sizes(int min, int max) {
            minSize = min;
            maxSize = max;
            return this;
        }

        public Builder weight(double p) {
            weight = p;
            return this;
        }

        /** How phenotype mode ranks the genes. */
        public Builder metric(RankingMetric value) {
            metric = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder collapseDuplicates() {
            return collapseDuplicates(true);
        }

        public Builder collapseDuplicates(boolean value) {
            collapseDuplicates = value;
            return this;
        }

        /** Phenotype mode: the class ranked first. */
        public Builder classA(String name) {
            classA = name;
            return this;
        }

        public Builder partitions(int count) {
            partitions = count;
            return this;
        }

        /** Continue the interrupted run on the output directory, reusing the datasets it committed. */
        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        /** How ranks and gene sets given as tables are read (their columns, format, statistic). */
        public Builder tables(TableColumns value) {
            tables = value;
            return this;
        }

        public GseaOptions build() {
            return new GseaOptions(geneSets, ranks, expression, labels, genes, universe, out, overwrite, method,
                    permutations, multilevel, minSize, maxSize, weight, metric, seed, collapseDuplicates, classA,
                    partitions, resume, tables);
        }
    }
}
