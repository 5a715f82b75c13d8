package org.biospark.io;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Run in a JVM with a small heap by {@link TooLongRecordTest}: the FASTA or FASTQ file {@code args[0]} holds a
 * record longer than {@link SequenceReader#MAX_RESIDUES} and then a short one; the long one must come back empty
 * and marked, the short one whole, without the long one ever in memory.
 */
public final class TooLongRecordCheck {
    private TooLongRecordCheck() {
    }

    public static void main(String[] args) throws IOException {
        try (SequenceReader reader = SequenceReader.open(new FileInputStream(args[0]), args[0])) {
            SequenceRecord tooLong = reader.next();
            SequenceRecord next = reader.next();
            System.out.println(tooLong.id() + " omitted " + tooLong.omitted() + " sequence " + tooLong.sequence().length()
                    + "; " + next.id() + " " + next.sequence() + " at line " + next.line() + "; max heap "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
            boolean right = tooLong.tooLong() && tooLong.omitted() > SequenceReader.MAX_RESIDUES
                    && tooLong.sequence().isEmpty() && next.sequence().equals("ACGT") && !reader.hasNext();
            System.exit(right ? 0 : 1);
        }
    }
}
