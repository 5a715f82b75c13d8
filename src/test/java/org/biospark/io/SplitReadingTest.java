package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Records read split by split, numbered from the counting pass or from what a first reading of the splits read,
 * equal the records of the whole file.
 */
class SplitReadingTest {
    private static List<SequenceRecord> whole(byte[] bytes) throws IOException {
        List<SequenceRecord> records = new ArrayList<>();
        try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(bytes), "f")) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static List<SequenceRecord> bySplits(byte[] bytes, SequenceReader.Format format, long[] cuts)
            throws IOException {
        SeekableInput input = offset -> new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
        List<SequenceRecord> records = new ArrayList<>();
        long lines = 0;
        long count = 0;
        for (int s = 0; s + 1 < cuts.length; s++) {
            SplitCounts counts = SequenceReader.countSplit(input, "f", format, cuts[s], cuts[s + 1]);
            try (SequenceReader reader = SequenceReader.openSplit(input, "f", format, cuts[s], cuts[s + 1], lines, count)) {
                long before = records.size();
                reader.forEachRemaining(records::add);
                assertEquals(counts.records(), records.size() - before, "split " + s + " counted differently");
            }
            lines += counts.newlines();
            count += counts.records();
        }
        return records;
    }

    /** The splits read unnumbered first, then numbered from what those readers read (no counting pass). */
    private static List<SequenceRecord> byReadings(byte[] bytes, SequenceReader.Format format, long[] cuts)
            throws IOException {
        SeekableInput input = offset -> new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
        List<SplitReading> readings = new ArrayList<>();
        for (int s = 0; s + 1 < cuts.length; s++) {
            try (SequenceReader reader = SequenceReader.openSplit(input, "f", format, cuts[s], cuts[s + 1], 0, 0)) {
                reader.forEachRemaining(r -> { });
                readings.add(reader.reading());
            }
        }
        List<SplitCounts> counts = SplitCounts.fromReadings(readings);
        List<SequenceRecord> records = new ArrayList<>();
        long lines = 0;
        long count = 0;
        for (int s = 0; s + 1 < cuts.length; s++) {
            try (SequenceReader reader = SequenceReader.openSplit(input, "f", format, cuts[s], cuts[s + 1], lines,
                    count)) {
                reader.forEachRemaining(records::add);
            }
            lines += counts.get(s).newlines();
            count += counts.get(s).records();
        }
        return records;
    }

    private static long[] randomCuts(SplittableRandom random, int length, int splits) {
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(0L);
        cuts.add((long) length);
        while (cuts.size() < splits + 1) {
            cuts.add((long) random.nextInt(1, length));
        }
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    private static String fasta(SplittableRandom random, int records) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < records; r++) {
            String newline = random.nextInt(5) == 0 ? "\r\n" : "\n";
            s.append(">r").append(r).append(" some description").append(newline);
            int lines = random.nextInt(0, 4);
            for (int l = 0; l < lines; l++) {
                s.append("ACGTN".repeat(random.nextInt(1, 15))).append(newline);
            }
            if (random.nextInt(7) == 0) {
                s.append(newline);
            }
        }
        return s.toString();
    }

    private static String fastq(SplittableRandom random, int records) {
        StringBuilder s = new StringBuilder();
        String qualities = "@+!#IJ5@@++";
        for (int r = 0; r < records; r++) {
            int length = random.nextInt(1, 30);
            StringBuilder quality = new StringBuilder();
            for (int i = 0; i < length; i++) {
                quality.append(qualities.charAt(random.nextInt(qualities.length())));
            }
            s.append("@q").append(r).append('\n').append("ACGT".repeat(length).substring(0, length)).append('\n')
                    .append(random.nextBoolean() ? "+\n" : "+q" + r + "\n").append(quality).append('\n');
        }
        return s.toString();
    }

    @Test
    void fastaSplitsGiveTheWholeFile() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            byte[] bytes = fasta(random, random.nextInt(1, 60)).getBytes(StandardCharsets.US_ASCII);
            long[] cuts = randomCuts(random, bytes.length, Math.min(bytes.length - 1, random.nextInt(1, 12)));
            assertEquals(whole(bytes), bySplits(bytes, SequenceReader.Format.FASTA, cuts), "trial " + trial);
            assertEquals(whole(bytes), byReadings(bytes, SequenceReader.Format.FASTA, cuts), "trial " + trial);
        }
    }

    @Test
    void fastqSplitsGiveTheWholeFileEvenWhenQualitiesStartWithAtOrPlus() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 200; trial++) {
            byte[] bytes = fastq(random, random.nextInt(1, 60)).getBytes(StandardCharsets.US_ASCII);
            long[] cuts = randomCuts(random, bytes.length, Math.min(bytes.length - 1, random.nextInt(1, 12)));
            List<SequenceRecord> expected = whole(bytes);
            assertTrue(expected.size() > 0);
            assertEquals(expected, bySplits(bytes, SequenceReader.Format.FASTQ, cuts), "trial " + trial);
            assertEquals(expected, byReadings(bytes, SequenceReader.Format.FASTQ, cuts), "trial " + trial);
        }
    }

    @Test
    void everyByteAsACutPoint() throws IOException {
        byte[] bytes = ">a\nAC\nGT\n>b\n\n>c x\r\nTT\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int cut = 1; cut < bytes.length; cut++) {
            long[] cuts = {0, cut, bytes.length};
            assertEquals(whole(bytes), bySplits(bytes, SequenceReader.Format.FASTA, cuts), "cut at " + cut);
            assertEquals(whole(bytes), byReadings(bytes, SequenceReader.Format.FASTA, cuts), "cut at " + cut);
        }
    }
}
