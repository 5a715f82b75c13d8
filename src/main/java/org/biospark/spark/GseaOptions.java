package org.biospark.spark;

import java.io.Serializable;
import java.util.List;

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
 * @param method             preranked, phenotype or ora (null: from the inputs given)
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
 */
public record GseaOptions(List<String> geneSets, List<String> ranks, List<String> expression, List<String> labels,
                          List<String> genes, String universe, String out, boolean overwrite, String method,
                          int permutations, boolean multilevel, int minSize, int maxSize, double weight,
                          String metric, long seed, boolean collapseDuplicates, String classA, int partitions)
        implements Serializable {
    public GseaOptions {
        geneSets = geneSets == null ? List.of() : List.copyOf(geneSets);
        ranks = ranks == null ? List.of() : List.copyOf(ranks);
        expression = expression == null ? List.of() : List.copyOf(expression);
        labels = labels == null ? List.of() : List.copyOf(labels);
        genes = genes == null ? List.of() : List.copyOf(genes);
    }

    /** Preranked GSEA of RNK files with the usual defaults (1,000 permutations, 15..500, weight 1, seed 42). */
    public static GseaOptions preranked(List<String> geneSets, List<String> ranks, String out) {
        return new GseaOptions(geneSets, ranks, null, null, null, null, out, false, "preranked", 1000, false, 15, 500,
                1.0, "signal2noise", 42, false, null, 0);
    }
}
