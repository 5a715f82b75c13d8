package org.biospark.testing;

import java.util.SplittableRandom;

/** Random DNA queries and references, the same for a seed, for the jobs' tests that need more than a few records. */
public final class RandomFasta {
    private RandomFasta() {
    }

    /** {@code length} random residues of ACGT. */
    public static String dna(SplittableRandom random, int length) {
        StringBuilder seq = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            seq.append("ACGT".charAt(random.nextInt(4)));
        }
        return seq.toString();
    }

    /** {@code count} one-line records of {@code length} random residues, named {@code prefix} and their number. */
    public static String records(SplittableRandom random, String prefix, int count, int length) {
        StringBuilder fasta = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fasta.append('>').append(prefix).append(i).append('\n').append(dna(random, length)).append('\n');
        }
        return fasta.toString();
    }

    /**
     * 150-bp reads in records of two sequence lines, up to about {@code bytes}; every 5,000th has an invalid residue,
     * so a run over several splits has rejects to number.
     */
    public static String twoLineReads(long seed, int bytes) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder q = new StringBuilder();
        for (int i = 0; q.length() < bytes; i++) {
            q.append(">r").append(i).append('\n');
            for (int j = 0; j < 150; j++) {
                q.append(i % 5000 == 17 && j == 70 ? 'Z' : "ACGT".charAt(random.nextInt(4)));
                if (j == 79) {
                    q.append('\n');
                }
            }
            q.append('\n');
        }
        return q.toString();
    }

    /**
     * About 3 MB of reads of 100-200 bp in lines of 60; every 997th has a 'Z', so a run over several splits has
     * rejects, with their lines, to number.
     */
    public static String wrappedReads(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder fasta = new StringBuilder();
        for (int r = 0; fasta.length() < 3_000_000; r++) {
            fasta.append(">read").append(r).append(" len\n");
            int length = random.nextInt(100, 200);
            StringBuilder seq = new StringBuilder(dna(random, length));
            if (r % 997 == 0) {
                seq.setCharAt(length / 2, 'Z');
            }
            for (int i = 0; i < length; i += 60) {
                fasta.append(seq, i, Math.min(length, i + 60)).append('\n');
            }
        }
        return fasta.toString();
    }
}
