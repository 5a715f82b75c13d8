package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a dataset's genes meet the gene sets' genes, told so that a user sees at once when the two name genes
 * differently (symbols against Entrez ids, mouse against human, Ensembl ids with and without versions): the most
 * common mistake of gene-set analysis, which otherwise shows only as nothing tested.
 *
 * @param datasetGenes  distinct genes of the dataset
 * @param setGenes      distinct genes of the gene sets (ORA: of the universe)
 * @param matched       genes in both
 * @param datasetOnly   a few of the dataset's genes that no set has, in the dataset's order
 * @param setsOnly      a few of the sets' genes that the dataset lacks, in the sets' order
 */
record GeneMatching(int datasetGenes, int setGenes, int matched, List<String> datasetOnly, List<String> setsOnly) {
    /** How many identifiers of each side a message shows. */
    static final int EXAMPLES = 4;
    /** Below this share of both sides' genes, a match is worth a warning. */
    static final double FEW = 0.2;

    /** The matching of {@code dataset}'s genes against {@code sets}' genes. */
    static GeneMatching of(Collection<String> dataset, Set<String> sets) {
        Set<String> distinct = new HashSet<>();
        int matched = 0;
        List<String> datasetOnly = new ArrayList<>();
        for (String gene : dataset) {
            if (!distinct.add(gene)) {
                continue;
            }
            if (sets.contains(gene)) {
                matched++;
            } else if (datasetOnly.size() < EXAMPLES) {
                datasetOnly.add(gene);
            }
        }
        List<String> setsOnly = new ArrayList<>();
        for (String gene : sets) {
            if (setsOnly.size() == EXAMPLES) {
                break;
            }
            if (!distinct.contains(gene)) {
                setsOnly.add(gene);
            }
        }
        return new GeneMatching(distinct.size(), sets.size(), matched, List.copyOf(datasetOnly), List.copyOf(setsOnly));
    }

    /** Whether so few genes match that the two sides probably use different identifiers. */
    boolean few() {
        return matched < FEW * datasetGenes && matched < FEW * setGenes;
    }

    /** What the match is, with examples of each side: "3 of the dataset's 12,000 genes ... ". */
    String describe() {
        return String.format(Locale.ROOT, "%,d of the dataset's %,d genes (%.1f%%) are in the gene sets, which have"
                + " %,d genes; the dataset has %s, the sets %s: check that both name genes the same way (symbols,"
                + " Entrez or Ensembl ids, the same species)", matched, datasetGenes, percent(matched, datasetGenes),
                setGenes, examples(datasetOnly), examples(setsOnly));
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String examples(List<String> genes) {
        return genes.isEmpty() ? "no other gene" : String.join(", ", genes) + ", ...";
    }
}
