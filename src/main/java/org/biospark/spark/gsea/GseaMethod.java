package org.biospark.spark.gsea;

import org.biospark.Choice;

/** The analysis a {@code gsea} run makes of each dataset; the kind of dataset given implies it. */
public enum GseaMethod implements Choice {
    /** Ranked lists (RNK), gene-set permutations, as fgsea and GSEAPreranked. */
    PRERANKED("--ranks"),
    /** Expression matrices with class labels, label permutations, as GSEA desktop. */
    PHENOTYPE("--expression and --labels"),
    /** Gene lists, the hypergeometric test within a universe. */
    ORA("--genes");

    private final String inputs;

    GseaMethod(String inputs) {
        this.inputs = inputs;
    }

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The options that give this method's datasets, for messages. */
    String inputs() {
        return inputs;
    }
}
