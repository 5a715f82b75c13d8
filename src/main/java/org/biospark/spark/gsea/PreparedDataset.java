package org.biospark.spark.gsea;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Row;
import org.biospark.geneset.OverRepresentation;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;

/**
 * A dataset after the kernel's first step, as a task or a broadcast carries it: what its method needs to compute
 * its rows, in one task ({@link #rows}) or, for the permutation methods, in blocks of permutations joined for the
 * statistics ({@link Permutable}).
 */
sealed interface PreparedDataset extends Serializable
        permits PreparedDataset.Permutable, PreparedDataset.Ora {
    /** The dataset's name: its file's, without extensions. */
    String name();

    /** Every result row of the dataset, computed in the calling task. */
    List<Row> rows(GseaTasks.Shared shared, GseaTasks.Settings settings);

    /** A permutation method's dataset: its permutations can be split into blocks and joined. */
    sealed interface Permutable extends PreparedDataset permits Preranked, Phenotype {
        GseaMethod method();

        /** How many permutations the dataset has (phenotype: possibly every distinct split of its labels). */
        int permutations();

        /** The kernel's second step for permutations {@code from} to {@code to}: {@code [group][permutation]}. */
        double[][] nulls(GseaTasks.Settings settings, int from, int to);

        /**
         * The statistics from all permutations' nulls, with the multilevel estimates still to make (none for
         * phenotype GSEA, or without multilevel splitting).
         */
        PrerankedGsea.Permuted<GeneSetKey> permuted(double[][] nulls, GseaTasks.Settings settings);

        @Override
        default List<Row> rows(GseaTasks.Shared shared, GseaTasks.Settings settings) {
            PrerankedGsea.Permuted<GeneSetKey> permuted = permuted(nulls(settings, 0, permutations()), settings);
            List<PrerankedGsea.MultilevelOutcome> estimates = permuted.multilevel().stream()
                    .map(task -> estimate(task, settings)).toList();
            return GseaTasks.rows(name(), method(), PrerankedGsea.withEstimates(permuted.results(), estimates));
        }

        /** One multilevel estimate that {@link #permuted} asked for. */
        PrerankedGsea.MultilevelOutcome estimate(PrerankedGsea.MultilevelTask task, GseaTasks.Settings settings);
    }

    /** A ranked list's sets, for gene-set permutations. */
    record Preranked(String name, PrerankedGsea.Prepared<GeneSetKey> prepared, int permutations)
            implements Permutable {
        @Override
        public GseaMethod method() {
            return GseaMethod.PRERANKED;
        }

        @Override
        public double[][] nulls(GseaTasks.Settings settings, int from, int to) {
            return PrerankedGsea.nulls(prepared, settings.preranked(), from, to);
        }

        @Override
        public PrerankedGsea.Permuted<GeneSetKey> permuted(double[][] nulls, GseaTasks.Settings settings) {
            return PrerankedGsea.finishPermutations(prepared, nulls, settings.preranked());
        }

        @Override
        public PrerankedGsea.MultilevelOutcome estimate(PrerankedGsea.MultilevelTask task,
                                                        GseaTasks.Settings settings) {
            return PrerankedGsea.estimate(prepared, task, settings.preranked());
        }
    }

    /** A matrix's sets and rearranged values, for label permutations. */
    record Phenotype(String name, PhenotypeGsea.Prepared<GeneSetKey> prepared) implements Permutable {
        @Override
        public GseaMethod method() {
            return GseaMethod.PHENOTYPE;
        }

        @Override
        public int permutations() {
            return prepared.permutations();
        }

        @Override
        public double[][] nulls(GseaTasks.Settings settings, int from, int to) {
            return PhenotypeGsea.nulls(prepared, settings.phenotype(), from, to);
        }

        @Override
        public PrerankedGsea.Permuted<GeneSetKey> permuted(double[][] nulls, GseaTasks.Settings settings) {
            return new PrerankedGsea.Permuted<>(PhenotypeGsea.finish(prepared, nulls, settings.phenotype()),
                    List.of());
        }

        @Override
        public PrerankedGsea.MultilevelOutcome estimate(PrerankedGsea.MultilevelTask task,
                                                        GseaTasks.Settings settings) {
            throw new IllegalStateException("phenotype GSEA makes no multilevel estimates");
        }
    }

    /** A gene list, for the hypergeometric test. */
    record Ora(String name, List<String> genes) implements PreparedDataset {
        @Override
        public List<Row> rows(GseaTasks.Shared shared, GseaTasks.Settings settings) {
            return GseaTasks.oraRows(name, OverRepresentation.run(genes, shared.universe(), shared.sets(),
                    settings.ora()).results());
        }
    }
}
