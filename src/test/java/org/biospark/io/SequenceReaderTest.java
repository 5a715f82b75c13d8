package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class SequenceReaderTest {
    private static List<SequenceRecord> readAll(byte[] bytes, String name) throws IOException {
        List<SequenceRecord> records = new ArrayList<>();
        try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(bytes), name)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static List<SequenceRecord> readAll(String text) throws IOException {
        return readAll(text.getBytes(StandardCharsets.US_ASCII), "in.fa");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private static final String FASTA = "\n>seq1 first one\nACGT\nacgt\n\n;comment\n>seq2\r\nGG TT\r\n>empty\n>seq3\nN\n";

    @Test
    void readsMultiLineFastaWithItsLineNumbers() throws IOException {
        List<SequenceRecord> records = readAll(FASTA);
        assertEquals(4, records.size());
        assertEquals(new SequenceRecord("seq1", "ACGTacgt", null, 1, 2), records.get(0));
        assertEquals(new SequenceRecord("seq2", "GGTT", null, 2, 7), records.get(1));
        assertEquals(new SequenceRecord("empty", "", null, 3, 9), records.get(2));
        assertEquals(new SequenceRecord("seq3", "N", null, 4, 10), records.get(3));
    }

    @Test
    void gzipIsRecognisedByItsBytesNotItsName() throws IOException {
        assertEquals(readAll(FASTA), readAll(gzip(FASTA), "no-gz-suffix.fa"));
    }

    @Test
    void aTruncatedGzipStopsWithFileAndLine() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append(">r").append(i).append("\nACGTACGTACGTAGCTAGCTAGCATCGATCGATCGATCGAT").append(i % 7).append('\n');
        }
        byte[] whole = gzip(many.toString());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        List<SequenceRecord> delivered = new ArrayList<>();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(cut), "cut.fa.gz")) {
                reader.forEachRemaining(delivered::add);
            }
        });
        assertTrue(e.getMessage().contains("truncated or corrupt gzip"), e.getMessage());
        assertTrue(e.getMessage().contains("of cut.fa.gz"), e.getMessage());
        assertTrue(delivered.size() > 100, "the intact records before the break are read: " + delivered.size());
        assertTrue(e.line() >= 2L * delivered.size(), "the line where the data ran out: " + e.line());
        for (SequenceRecord r : delivered) {
            int i = Integer.parseInt(r.id().substring(1));
            assertEquals("ACGTACGTACGTAGCTAGCTAGCATCGATCGATCGATCGAT" + (i % 7), r.sequence(),
                    "no record may be cut short silently: " + r.id());
        }
    }

    @Test
    void sequenceBeforeTheFirstHeaderIsNotFasta() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll("ACGT\n>x\nAC\n"));
        assertEquals("not FASTA or FASTQ: the first line starts with 'A', not '>' or '@' at line 1 of in.fa",
                e.getMessage());
    }

    @Test
    void binaryGarbageIsRefusedWithItsLine() {
        byte[] bytes = ">x\nACGT\n\u0000\u0001\u0002garbage\n".getBytes(StandardCharsets.ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(bytes, "bin.fa"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("binary data"), e.getMessage());
    }

    @Test
    void readsFastqAndLeavesBadQualitiesToTheCaller() throws IOException {
        List<SequenceRecord> records = readAll("@r1 desc\nACGT\n+\nIIII\n@r2\nACG\n+r2\nII\n");
        assertEquals(new SequenceRecord("r1", "ACGT", "IIII", 1, 1), records.get(0));
        assertEquals(new SequenceRecord("r2", "ACG", "II", 2, 5), records.get(1));
    }

    @Test
    void brokenFastqStopsWithFileAndLine() {
        InvalidInputException noPlus = assertThrows(InvalidInputException.class,
                () -> readAll("@r1\nACGT\n+\nIIII\n@r2\nACGT\nIIII\n@r3\n"));
        assertEquals(7, noPlus.line());
        assertTrue(noPlus.getMessage().contains("'+' separator"), noPlus.getMessage());

        InvalidInputException cut = assertThrows(InvalidInputException.class, () -> readAll("@r1\nACGT\n+\nIIII\n@r2\nAC\n"));
        assertTrue(cut.getMessage().contains("cut short (it starts at line 5)"), cut.getMessage());

        InvalidInputException header = assertThrows(InvalidInputException.class,
                () -> readAll("@r1\nACGT\n+\nIIII\nr2\nAC\n+\nII\n"));
        assertEquals(5, header.line());
    }

    @Test
    void anEmptyFileHasNoRecords() throws IOException {
        assertEquals(List.of(), readAll(""));
        assertEquals(List.of(), readAll("\n\n"));
        try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(new byte[0]), "e.fa")) {
            assertEquals(SequenceReader.Format.FASTA, reader.format());
            assertEquals(false, reader.hasNext());
        }
    }
}
