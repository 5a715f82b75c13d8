package org.biospark.align;

import org.biospark.Choice;

/** The residues a run aligns: nucleotides or amino acids, which decide the default scoring. */
public enum Alphabet implements Choice {
    DNA,
    PROTEIN;

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
