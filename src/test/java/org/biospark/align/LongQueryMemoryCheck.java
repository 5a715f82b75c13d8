package org.biospark.align;

import java.io.FileInputStream;
import java.io.IOException;

import org.biospark.io.SequenceReader;
import org.biospark.io.SequenceRecord;

/**
 * Run in a JVM with a small heap by {@link LongQueryTest}: a query of {@code args[1]} residues, read from the FASTA
 * file {@code args[0]} (written by the test), against a 64-bp target in every mode, on both strands and with its
 * traceback, must align within the heap, the path scoring what the score kernels give ({@link LongQueryTest}
 * compares those with the scalar kernel at lengths it can afford).
 */
public final class LongQueryMemoryCheck {
    private LongQueryMemoryCheck() {
    }

    public static void main(String[] args) throws IOException {
        SequenceRecord record;
        try (SequenceReader reader = SequenceReader.open(new FileInputStream(args[0]), args[0])) {
            record = reader.next();
        }
        Scoring scoring = Scoring.dna(1, -2, 5, 2);
        byte[] target = scoring.matrix().encode("ACGTTGCAAGGCTTACGTAGCTAGCTAGGATCGATCGGACTTAGCACGTTGCAAGGCTTACGTAGC"
                .substring(0, 64));
        byte[] query = scoring.matrix().encode(record.sequence());
        record = null; // the String is not needed once encoded, as in a task
        if (query.length != Integer.parseInt(args[1])) {
            throw new IllegalStateException("read " + query.length + " residues");
        }
        for (AlignmentMode mode : new AlignmentMode[] {AlignmentMode.GLOBAL, AlignmentMode.SEMI_GLOBAL,
            AlignmentMode.LOCAL}) {
            Aligner aligner = new Aligner(scoring, mode);
            int[] batch = aligner.scores(new byte[][] {target, query}, target);
            int[][] both = aligner.scores(new byte[][] {target, query}, java.util.List.of(target, target));
            Alignment path = Traceback.alignAll(new byte[][] {query}, target, scoring, mode)[0];
            System.out.println(mode.label() + " score " + batch[1] + " against two targets " + both[1][1]
                    + " traceback " + path.score() + " max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB");
            if (batch[1] != path.score() || both[1][1] != path.score() || both[0][1] != path.score()) {
                System.exit(1);
            }
        }
    }
}
