package org.biospark.io.fuzz;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.biospark.io.SequenceReader;
import org.biospark.io.SequenceRecord;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** FASTA and FASTQ files read whole: records, or bad input with its line. */
class SequenceFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void wholeFile(byte[] input) {
        List<SequenceRecord> records = FuzzChecks.readOrRefuse(input, () -> read(input));
        if (records != null) {
            for (int i = 0; i < records.size(); i++) {
                SequenceRecord r = records.get(i);
                FuzzChecks.check(r.recordNumber() == i + 1, "record numbers in order: " + r);
                FuzzChecks.check(r.line() >= 1 && r.line() <= FuzzChecks.lines(input), "a record's line: " + r);
            }
        }
    }

    static List<SequenceRecord> read(byte[] input) throws java.io.IOException {
        List<SequenceRecord> records = new ArrayList<>();
        try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(input), FuzzChecks.FILE)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }
}
