package org.biospark.align;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A substitution matrix over an alphabet of residues, with the encoding of sequences into residue codes.
 *
 * <p>The standard matrices (NUC.4.4 / EDNAFULL, BLOSUM30..100, PAM250) are read from the matrix files that BioJava
 * ships, not retyped. Encoding is case-insensitive; with a nucleotide matrix, U (RNA) is scored as T. A character
 * the matrix does not score is an {@link InvalidResidueException} naming it and its position, never a silent
 * substitution.
 */
public final class ScoreMatrix implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Our names (upper case, punctuation ignored) of the matrix files in BioJava's jar. */
    private static final Map<String, String> BIOJAVA_FILES = Map.ofEntries(
            Map.entry("NUC44", "nuc-4_4"), Map.entry("EDNAFULL", "nuc-4_4"),
            Map.entry("PAM250", "pam250"), Map.entry("BLOSUM30", "blosum30"), Map.entry("BLOSUM35", "blosum35"),
            Map.entry("BLOSUM40", "blosum40"), Map.entry("BLOSUM45", "blosum45"), Map.entry("BLOSUM50", "blosum50"),
            Map.entry("BLOSUM55", "blosum55"), Map.entry("BLOSUM60", "blosum60"), Map.entry("BLOSUM62", "blosum62"),
            Map.entry("BLOSUM65", "blosum65"), Map.entry("BLOSUM70", "blosum70"), Map.entry("BLOSUM75", "blosum75"),
            Map.entry("BLOSUM80", "blosum80"), Map.entry("BLOSUM85", "blosum85"), Map.entry("BLOSUM90", "blosum90"),
            Map.entry("BLOSUM100", "blosum100"));

    private final String name;
    private final String symbols;
    private final int[] scores;
    private final byte[] codes;
    private final boolean nucleotide;
    private final int min;
    private final int max;
    private final boolean symmetric;

    private ScoreMatrix(String name, String symbols, int[] scores, boolean nucleotide) {
        this.name = name;
        this.symbols = symbols;
        this.scores = scores;
        this.nucleotide = nucleotide;
        this.codes = new byte[128];
        Arrays.fill(codes, (byte) -1);
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            codes[Character.toUpperCase(c)] = (byte) i;
            codes[Character.toLowerCase(c)] = (byte) i;
        }
        if (nucleotide && codes['T'] >= 0 && codes['U'] < 0) {
            codes['U'] = codes['T'];
            codes['u'] = codes['T'];
        }
        this.min = Arrays.stream(scores).min().orElse(0);
        this.max = Arrays.stream(scores).max().orElse(0);
        this.symmetric = isSymmetric(scores, symbols.length());
    }

    /**
     * A standard matrix by name: NUC.4.4 (also EDNAFULL, NUC44), BLOSUM30 to BLOSUM100, PAM250. (BioJava's
     * NUC.4.2 is left out: it scores ambiguity codes against A, C, G, T only and is not square.)
     *
     * @throws IllegalArgumentException for a name we do not know, listing the ones we do
     */
    public static ScoreMatrix named(String name) {
        String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String file = BIOJAVA_FILES.get(key);
        if (file == null) {
            throw new IllegalArgumentException("unknown substitution matrix '" + name + "'; known: "
                    + String.join(", ", knownNames()));
        }
        String resource = "/matrices/" + file + ".txt";
        try (InputStream in = org.biojava.nbio.core.alignment.matrices.SubstitutionMatrixHelper.class
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("BioJava's matrix file " + resource + " is missing from the classpath");
            }
            return parse(canonicalName(key), new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)),
                    file.startsWith("nuc"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BioJava's matrix " + resource, e);
        }
    }

    /** The names {@link #named} accepts. */
    public static List<String> knownNames() {
        return List.of("NUC.4.4", "EDNAFULL", "BLOSUM30", "BLOSUM35", "BLOSUM40", "BLOSUM45", "BLOSUM50",
                "BLOSUM55", "BLOSUM60", "BLOSUM62", "BLOSUM65", "BLOSUM70", "BLOSUM75", "BLOSUM80", "BLOSUM85",
                "BLOSUM90", "BLOSUM100", "PAM250");
    }

    /**
     * DNA scored by match/mismatch over A, C, G, T (U as T) and N, where N scores {@code mismatch} against
     * everything, itself included (as EMBOSS's identity matrices do).
     */
    public static ScoreMatrix dna(int match, int mismatch) {
        return matchMismatch("DNA(" + match + "," + mismatch + ")", "ACGTN", "N", match, mismatch, true);
    }

    /** Protein scored by match/mismatch over the 20 amino acids and B, Z, X, *; identical residues match. */
    public static ScoreMatrix protein(int match, int mismatch) {
        return matchMismatch("PROTEIN(" + match + "," + mismatch + ")", "ARNDCQEGHILKMFPSTWYVBZX*", "", match,
                mismatch, false);
    }

    /** Identical residues score {@code match}, except those in {@code neverMatch}; all other pairs {@code mismatch}. */
    private static ScoreMatrix matchMismatch(String name, String symbols, String neverMatch, int match, int mismatch,
                                             boolean nucleotide) {
        int n = symbols.length();
        int[] scores = new int[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                boolean same = a == b && neverMatch.indexOf(symbols.charAt(a)) < 0;
                scores[a * n + b] = same ? match : mismatch;
            }
        }
        return new ScoreMatrix(name, symbols, scores, nucleotide);
    }

    /** Reads a matrix in the NCBI/EMBOSS text layout: '#' comments, a header of symbols, one row per symbol. */
    static ScoreMatrix parse(String name, BufferedReader reader, boolean nucleotide) throws IOException {
        String header = null;
        List<String[]> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = trimmed.replaceAll("\\s+", "");
            } else {
                rows.add(trimmed.split("\\s+"));
            }
        }
        if (header == null) {
            throw new IllegalArgumentException("matrix " + name + " has no header");
        }
        int n = header.length();
        int[] scores = new int[n * n];
        boolean[] seen = new boolean[n];
        for (String[] row : rows) {
            int a = header.indexOf(row[0].charAt(0));
            if (row[0].length() != 1 || a < 0 || row.length != n + 1 || seen[a]) {
                throw new IllegalArgumentException("matrix " + name + " has a malformed row for '" + row[0] + "'");
            }
            seen[a] = true;
            for (int b = 0; b < n; b++) {
                scores[a * n + b] = Integer.parseInt(row[b + 1]);
            }
        }
        for (int a = 0; a < n; a++) {
            if (!seen[a]) {
                throw new IllegalArgumentException("matrix " + name + " lacks the row of '" + header.charAt(a) + "'");
            }
        }
        return new ScoreMatrix(name, header, scores, nucleotide);
    }

    private static String canonicalName(String key) {
        return switch (key) {
            case "NUC44", "EDNAFULL" -> "NUC.4.4";
            default -> key;
        };
    }

    /**
     * Encodes a sequence into residue codes (0 .. size-1).
     *
     * @throws InvalidResidueException at the first character the matrix does not score
     */
    public byte[] encode(CharSequence sequence) {
        byte[] encoded = new byte[sequence.length()];
        for (int i = 0; i < encoded.length; i++) {
            char c = sequence.charAt(i);
            byte code = c < 128 ? codes[c] : -1;
            if (code < 0) {
                throw new InvalidResidueException(c, i + 1, name);
            }
            encoded[i] = code;
        }
        return encoded;
    }

    /**
     * Checks that this matrix scores every residue of {@code sequence}, as {@link #encode} would, without making the
     * encoded copy.
     *
     * @throws InvalidResidueException at the first residue it does not score
     */
    public void check(CharSequence sequence) {
        for (int i = 0; i < sequence.length(); i++) {
            char c = sequence.charAt(i);
            if (c >= 128 || codes[c] < 0) {
                throw new InvalidResidueException(c, i + 1, name);
            }
        }
    }

    /** The score of residue codes {@code a} against {@code b}. */
    public int score(int a, int b) {
        return scores[a * symbols.length() + b];
    }

    /** The scores, row-major ({@code [a * size + b]}); the array itself, for kernels in this package only. */
    int[] flatScores() {
        return scores;
    }

    /** Whether the score of a against b always equals that of b against a. */
    public boolean symmetric() {
        return symmetric;
    }

    private static boolean isSymmetric(int[] scores, int n) {
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                if (scores[a * n + b] != scores[b * n + a]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Number of residue codes. */
    public int size() {
        return symbols.length();
    }

    public String name() {
        return name;
    }

    /** Whether this is a nucleotide matrix (U is read as T). */
    public boolean nucleotide() {
        return nucleotide;
    }

    /** Lowest score in the matrix. */
    public int min() {
        return min;
    }

    /** Highest score in the matrix. */
    public int max() {
        return max;
    }

    @Override
    public String toString() {
        return name;
    }
}
