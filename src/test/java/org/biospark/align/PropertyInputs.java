package org.biospark.align;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** What the kernels' property tests draw from: scoring schemes, modes and random, related or gapped sequences. */
final class PropertyInputs {
    static final List<Scoring> SCHEMES = List.of(
            Scoring.dna(1, -2, 5, 2),
            Scoring.dna(2, -3, 3, 3),            // linear gaps
            Scoring.dna(5, -4, 10, 1),
            Scoring.matrix("NUC.4.4", 10, 1),
            Scoring.matrix("BLOSUM62", 11, 1),
            Scoring.matrix("BLOSUM50", 10, 2),
            Scoring.matrix("PAM250", 8, 8),
            new Scoring(ScoreMatrix.protein(3, -1), new GapPenalty(4, 0)));

    private PropertyInputs() {
    }

    /** Any mode: global, local, semi-global with all ends free, or a random set of free ends. */
    static AlignmentMode randomMode(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> AlignmentMode.GLOBAL;
            case 1 -> AlignmentMode.LOCAL;
            case 2 -> AlignmentMode.SEMI_GLOBAL;
            default -> AlignmentMode.semiGlobal(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean());
        };
    }

    /** Random residues; with probability 1/2 a mutated copy of {@code template} instead, so scores run high. */
    static byte[] randomSequence(SplittableRandom random, int size, int length, byte[] template) {
        byte[] s = new byte[length];
        for (int i = 0; i < length; i++) {
            s[i] = (byte) random.nextInt(size);
        }
        if (template != null && template.length > 0 && random.nextBoolean()) {
            for (int i = 0; i < length; i++) {
                s[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(size) : template[(i + 3) % template.length];
            }
        }
        return s;
    }

    /** {@code s} with every residue mapped onto one of {@code codes}. */
    static byte[] within(byte[] codes, byte[] s) {
        byte[] mapped = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            mapped[i] = codes[Math.floorMod(s[i], codes.length)];
        }
        return mapped;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
