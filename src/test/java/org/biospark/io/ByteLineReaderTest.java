package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Lines and their offsets, whatever the line lengths and however the stream hands out its bytes. */
class ByteLineReaderTest {
    /** A stream that returns at most a few bytes, or a few hundred thousand, per read. */
    private static InputStream choppy(byte[] bytes, SplittableRandom random) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, random.nextBoolean() ? random.nextInt(1, 8)
                        : random.nextInt(1, 300_000)));
            }
        };
    }

    @Test
    void linesLongAndShortAcrossBufferRefillsWithTheirOffsets() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            StringBuilder text = new StringBuilder();
            List<String> expected = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            int lines = random.nextInt(1, 30);
            for (int l = 0; l < lines; l++) {
                int length = random.nextInt(4) == 0 ? random.nextInt(60_000, 200_000) : random.nextInt(0, 100);
                String line = "ACGT>".repeat(length / 5 + 1).substring(0, length);
                starts.add((long) text.length());
                expected.add(line);
                boolean last = l == lines - 1;
                text.append(line).append(random.nextInt(5) == 0 ? "\r" : "");
                if (!last || line.isEmpty() || random.nextBoolean()) {
                    text.append('\n');
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            try (ByteLineReader reader = new ByteLineReader(choppy(bytes, random), 1000)) {
                for (int l = 0; l < lines; l++) {
                    assertEquals(expected.get(l), reader.readLine(), "trial " + trial + " line " + l);
                    assertEquals(1000 + starts.get(l), reader.lineStart(), "trial " + trial + " line " + l);
                }
                assertNull(reader.readLine());
            }
        }
    }
}
