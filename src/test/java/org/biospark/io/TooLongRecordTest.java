package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.biospark.testing.Processes;
import org.biospark.testing.SmallHeap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record past the limit, on one line or wrapped, FASTA or FASTQ, comes back empty and marked, and the records
 * after it whole: in a small limit here, and at the real limit in a heap that could not hold the record twice.
 */
class TooLongRecordTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {">a\nACGTACGTACGT\n>b\nAC\n", ">a\nACGT\nACGTA\nCGT\n;c\n>b\nAC\n",
        "@a\nACGTACGTACGT\n+\nIIIIIIIIIIII\n@b\nAC\n+\nII\n"})
    void aRecordPastASmallLimitIsCountedAndTheNextOneRead(String text) throws IOException {
        try (SequenceReader reader = SequenceReader.open(new java.io.ByteArrayInputStream(
                text.getBytes(StandardCharsets.US_ASCII)), "f", 10)) {
            SequenceRecord a = reader.next();
            assertTrue(a.tooLong(), a.toString());
            assertTrue(a.omitted() >= 11, a.toString());
            assertEquals("", a.sequence());
            SequenceRecord b = reader.next();
            assertEquals("AC", b.sequence());
            assertEquals(2, b.recordNumber());
            assertTrue(!b.tooLong() && !reader.hasNext());
        }
        try (SequenceReader reader = SequenceReader.open(new java.io.ByteArrayInputStream(
                text.getBytes(StandardCharsets.US_ASCII)), "f", 12)) {
            assertEquals(12, reader.next().sequence().length(), "a record of exactly the limit is kept");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fasta-one-line", "fasta-wrapped", "fastq"})
    void aRecordPastTheLimitComesBackEmptyAndMarked(String kind) throws IOException, InterruptedException {
        Path file = tmp.resolve(kind);
        long residues = SequenceReader.MAX_RESIDUES + 1_000L;
        byte[] line = new byte[kind.equals("fasta-wrapped") ? 60 : 1 << 20];
        Arrays.fill(line, (byte) 'A');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((kind.equals("fastq") ? "@long\n" : ">long\n").getBytes(StandardCharsets.US_ASCII));
            repeat(out, line, residues, kind.equals("fasta-wrapped"));
            if (kind.equals("fastq")) {
                out.write("+\n".getBytes(StandardCharsets.US_ASCII));
                Arrays.fill(line, (byte) 'I');
                repeat(out, line, residues, false);
                out.write("@short\nACGT\n+\nIIII\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(">short\nACGT\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        try {
            Processes.Outcome check = SmallHeap.run("1g", TooLongRecordCheck.class, "too-long-record-" + kind + ".log",
                    file.toString());
            assertEquals(0, check.exitCode(), check.stdout());
        } finally {
            Files.delete(file);
        }
    }

    /** {@code total} bytes of {@code line}'s content, in lines of its length when wrapped, else as one line. */
    private static void repeat(OutputStream out, byte[] line, long total, boolean wrapped) throws IOException {
        for (long written = 0; written < total; written += line.length) {
            int n = (int) Math.min(line.length, total - written);
            out.write(line, 0, n);
            if (wrapped) {
                out.write('\n');
            }
        }
        if (!wrapped) {
            out.write('\n');
        }
    }
}
