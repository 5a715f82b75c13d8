package org.biospark.spark.gsea;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.geneset.RankedList;

/** One dataset as read, ready to be checked against the gene sets and prepared for its method. */
sealed interface DatasetInput permits DatasetInput.Ranked, DatasetInput.Expression, DatasetInput.GeneList {
    String name();

    /** Whether a gene is in the dataset: its rank, or -1 (the size filter counts a set's genes found). */
    ToIntFunction<String> finder(GseaTasks.Shared shared);

    /** The genes a set is tested against; a set of all of them cannot be scored. */
    int size(GseaTasks.Shared shared);

    /** The dataset's genes, in its order. */
    List<String> genes();

    /** The genes the dataset's genes are matched against: the sets' (ORA: the universe's). */
    default Set<String> against(GseaTasks.Shared shared) {
        return shared.genes();
    }

    /** The kernel's first step: the sets kept by the size filter, ready for the permutations. */
    PreparedDataset prepare(GseaTasks.Shared shared, GseaTasks.Settings settings);

    /** A ranked list (preranked GSEA). */
    record Ranked(String name, RankedList list) implements DatasetInput {
        @Override
        public ToIntFunction<String> finder(GseaTasks.Shared shared) {
            return list::rankOf;
        }

        @Override
        public int size(GseaTasks.Shared shared) {
            return list.size();
        }

        @Override
        public List<String> genes() {
            return IntStream.range(0, list.size()).mapToObj(list::gene).toList();
        }

        @Override
        public PreparedDataset prepare(GseaTasks.Shared shared, GseaTasks.Settings settings) {
            return new PreparedDataset.Preranked(name,
                    PrerankedGsea.prepare(list, shared.sets(), settings.preranked()),
                    settings.preranked().permutations());
        }
    }

    /** A matrix with its labels (phenotype GSEA). */
    record Expression(String name, List<String> genes, double[][] values, List<String> labels, String classA)
            implements DatasetInput {
        @Override
        public ToIntFunction<String> finder(GseaTasks.Shared shared) {
            Set<String> present = new HashSet<>(genes);
            return gene -> present.contains(gene) ? 0 : -1;
        }

        @Override
        public int size(GseaTasks.Shared shared) {
            return new HashSet<>(genes).size();
        }

        @Override
        public PreparedDataset prepare(GseaTasks.Shared shared, GseaTasks.Settings settings) {
            return new PreparedDataset.Phenotype(name, PhenotypeGsea.prepare(genes, values, labels, classA,
                    shared.sets(), settings.phenotype()));
        }
    }

    /** A gene list (ORA), tested within the run's universe. */
    record GeneList(String name, List<String> genes) implements DatasetInput {
        @Override
        public ToIntFunction<String> finder(GseaTasks.Shared shared) {
            Set<String> universe = shared.universe();
            return gene -> universe.contains(gene) ? 0 : -1;
        }

        @Override
        public Set<String> against(GseaTasks.Shared shared) {
            return shared.universe();
        }

        @Override
        public int size(GseaTasks.Shared shared) {
            return Integer.MAX_VALUE;
        }

        @Override
        public PreparedDataset prepare(GseaTasks.Shared shared, GseaTasks.Settings settings) {
            return new PreparedDataset.Ora(name, genes);
        }
    }
}
