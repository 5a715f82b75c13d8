package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class GzipCopyTest {
    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] fastq(int records, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < records; r++) {
            int length = random.nextInt(1, 120);
            text.append("@q").append(r).append('\n');
            for (int i = 0; i < length; i++) {
                text.append("ACGTN".charAt(random.nextInt(5)));
            }
            text.append("\n+\n").append("I".repeat(length)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long newlines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    @Test
    void theCopyHoldsTheInflatedBytesOfEveryMember() throws IOException {
        byte[] first = fastq(3_000, 1);
        byte[] second = ">last\nACGT".getBytes(StandardCharsets.US_ASCII); // no final newline
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        members.write(gzip(first));
        members.write(gzip(second)); // concatenated members, as bgzip and `cat a.gz b.gz` make them
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        GzipCopy.Copied copied = GzipCopy.copy(new ByteArrayInputStream(members.toByteArray()), copy, "two.fq.gz");
        byte[] expected = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertArrayEquals(expected, copy.toByteArray());
        assertEquals(new GzipCopy.Copied(expected.length, newlines(expected)), copied);
    }

    @Test
    void anEmptyMemberGivesAnEmptyCopy() throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        assertEquals(new GzipCopy.Copied(0, 0),
                GzipCopy.copy(new ByteArrayInputStream(gzip(new byte[0])), copy, "empty.fa.gz"));
        assertEquals(0, copy.size());
    }

    /** Cut anywhere, the copy names the line that the reader names when it reads the same cut stream. */
    @Test
    void aTruncatedStreamNamesTheLineTheReaderNames() throws IOException {
        byte[] whole = gzip(fastq(400, 2));
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 300; round++) {
            int length = round < 10 ? round + 2 : random.nextInt(12, whole.length - 3); // the header and trailer too
            byte[] cut = Arrays.copyOf(whole, length);
            InvalidInputException copied = assertThrows(InvalidInputException.class, () -> GzipCopy.copy(
                    new ByteArrayInputStream(cut), new ByteArrayOutputStream(), "cut.fq.gz"), "cut at " + length);
            InvalidInputException read = assertThrows(InvalidInputException.class, () -> {
                try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(cut), "cut.fq.gz")) {
                    reader.forEachRemaining(r -> { });
                }
            });
            assertTrue(copied.getMessage().contains("truncated or corrupt gzip data"), copied.getMessage());
            assertEquals(read.line(), copied.line(), "cut at " + length + ": " + read.getMessage());
            assertEquals(read.file(), copied.file());
        }
    }

    @Test
    void garbageAfterTheHeaderIsCorruptData() {
        byte[] garbage = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GzipCopy.copy(
                new ByteArrayInputStream(garbage), new ByteArrayOutputStream(), "garbage.gz"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("garbage.gz"), e.getMessage());
    }
}
