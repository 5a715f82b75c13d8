package org.biospark.align;

/** Reverse complements of nucleotide sequences, IUPAC codes included (U complements to A); case is kept. */
public final class ReverseComplement {
    private static final char[] COMPLEMENT = new char[128];

    static {
        for (int c = 0; c < 128; c++) {
            COMPLEMENT[c] = (char) c;
        }
        String pairs = "ATTAUAGCCGRYYRKMMKBVVBDHHDSSWWNN";
        for (int i = 0; i < pairs.length(); i += 2) {
            COMPLEMENT[pairs.charAt(i)] = pairs.charAt(i + 1);
            COMPLEMENT[Character.toLowerCase(pairs.charAt(i))] = Character.toLowerCase(pairs.charAt(i + 1));
        }
    }

    private ReverseComplement() {
    }

    /** The reverse complement; characters that are not nucleotide codes are kept as they are (and rejected later). */
    public static String of(CharSequence sequence) {
        char[] out = new char[sequence.length()];
        for (int i = 0, n = sequence.length(); i < n; i++) {
            char c = sequence.charAt(n - 1 - i);
            out[i] = c < 128 ? COMPLEMENT[c] : c;
        }
        return new String(out);
    }
}
