package org.biospark.io.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.biospark.io.SequenceRecord;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Gzip sequence files: the fuzzed text compressed and cut at a fuzzed byte, or fuzzed bytes behind a gzip magic
 * number. Whole, the records are those of the plain text; cut or corrupt, the file is bad input.
 */
class GzipSequenceFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gzipped(FuzzedDataProvider data) throws IOException {
        boolean raw = data.consumeBoolean();
        int cut = data.consumeInt();
        byte[] text = data.consumeRemainingAsBytes();
        if (raw) {
            byte[] input = new byte[text.length + 2];
            input[0] = 0x1f;
            input[1] = (byte) 0x8b;
            System.arraycopy(text, 0, input, 2, text.length);
            FuzzChecks.readOrRefuse(input, FuzzChecks.lines(text) + 1, () -> SequenceFuzzTest.read(input));
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text);
        }
        byte[] whole = bytes.toByteArray();
        byte[] input = Arrays.copyOf(whole, Math.floorMod(cut, whole.length + 1));
        List<SequenceRecord> records = FuzzChecks.readOrRefuse(input, FuzzChecks.lines(text),
                () -> SequenceFuzzTest.read(input));
        if (input.length == whole.length) {
            List<SequenceRecord> plain = FuzzChecks.readOrRefuse(text, () -> SequenceFuzzTest.read(text));
            FuzzChecks.check(records == null ? plain == null : records.equals(plain),
                    "the gzip file's records differ from the plain text's");
        }
    }
}
