package org.biospark.io.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.biospark.io.SeekableInput;
import org.biospark.io.SequenceReader;
import org.biospark.io.SequenceRecord;
import org.biospark.io.SplitCounts;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A plain sequence file cut into two splits at a fuzzed byte: each split gives records or bad input, and when the
 * whole file reads cleanly and its sequences are letters (what can be aligned), the two splits' records, numbered
 * by the counting pass, are the whole file's.
 */
class SplitSequenceFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void splitAnywhere(FuzzedDataProvider data) throws IOException {
        int cutAt = data.consumeInt();
        byte[] input = data.consumeRemainingAsBytes();
        long cut = Math.floorMod(cutAt, input.length + 1);
        List<SequenceRecord> whole = FuzzChecks.readOrRefuse(input, () -> SequenceFuzzTest.read(input));
        SequenceReader.Format format = whole == null || whole.isEmpty() ? null : format(input);
        SequenceReader.Format[] formats = format != null ? new SequenceReader.Format[] {format}
                : SequenceReader.Format.values();
        for (SequenceReader.Format f : formats) {
            List<SequenceRecord> split = FuzzChecks.readOrRefuse(input, () -> bySplits(input, f, cut));
            if (f == format && whole.stream().allMatch(r -> r.sequence().chars().allMatch(Character::isLetter))) {
                FuzzChecks.check(whole.equals(split), "split at " + cut + ": " + split + " against " + whole);
            }
        }
    }

    private static SequenceReader.Format format(byte[] input) throws IOException {
        try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(input), FuzzChecks.FILE)) {
            return reader.format();
        }
    }

    private static List<SequenceRecord> bySplits(byte[] input, SequenceReader.Format format, long cut)
            throws IOException {
        SeekableInput file = offset -> new ByteArrayInputStream(input, (int) offset, input.length - (int) offset);
        List<SequenceRecord> records = new ArrayList<>();
        long[] bounds = {0, cut, input.length};
        long lines = 0;
        long count = 0;
        for (int s = 0; s < 2; s++) {
            SplitCounts counts = SequenceReader.countSplit(file, FuzzChecks.FILE, format, bounds[s], bounds[s + 1]);
            try (SequenceReader reader = SequenceReader.openSplit(file, FuzzChecks.FILE, format, bounds[s],
                    bounds[s + 1], lines, count)) {
                reader.forEachRemaining(records::add);
            }
            lines += counts.newlines();
            count += counts.records();
        }
        return records;
    }
}
