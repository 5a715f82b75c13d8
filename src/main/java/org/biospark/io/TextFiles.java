package org.biospark.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 text files of gene-set analysis (GMT, RNK, GCT, CLS, gene lists) as lines. A byte-order mark at the
 * start, which spreadsheet programs and Windows editors write, is not part of the first line: left in, it would
 * glue itself to the first gene or make a '#1.2' line unrecognisable. A line may hold at most
 * {@link #MAX_LINE} characters (a set of a million genes, a matrix row of a million samples): a longer one is
 * not text of these formats, and reading it whole could exhaust the memory, so it stops the file.
 */
public final class TextFiles {
    /** The byte-order mark as a character, after decoding. */
    static final char BOM = '\uFEFF';
    /** The longest line read, in characters. */
    public static final int MAX_LINE = 1 << 26;

    private TextFiles() {
    }

    /** The lines of {@code in} as UTF-8, past a byte-order mark if the stream starts with one. */
    public static Lines utf8(InputStream in, String file) {
        return new Lines(new InputStreamReader(in, StandardCharsets.UTF_8), file, MAX_LINE);
    }

    /** Lines of a text stream, each at most a bound long, ended as {@link java.io.BufferedReader} ends them. */
    public static final class Lines implements Closeable {
        private final Reader in;
        private final String file;
        private final int maxLine;
        private final char[] buffer = new char[1 << 14];
        private int position;
        private int limit;
        private long number;
        private boolean started;
        private char[] line = new char[256];
        /** A '\r' ended the last line: a '\n' right after it belongs to that line's end. */
        private boolean afterCarriageReturn;

        Lines(Reader in, String file, int maxLine) {
            this.in = in;
            this.file = file;
            this.maxLine = maxLine;
        }

        /** The number of the line last returned, 1-based. */
        public long number() {
            return number;
        }

        /** The next line, or null at the end. */
        public String readLine() throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n <= 0) {
                        return any ? finish(length) : null;
                    }
                    position = 0;
                    limit = n;
                    if (!started) {
                        started = true;
                        if (buffer[0] == BOM) {
                            position = 1;
                            continue;
                        }
                    }
                }
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                any = true;
                int end = position;
                while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                    end++;
                }
                int chunk = end - position;
                if (length + chunk > maxLine) {
                    throw new InvalidInputException(file, number + 1, "a line longer than " + maxLine
                            + " characters: not a text file of this format");
                }
                if (length + chunk > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(maxLine, Math.max(2 * line.length, length + chunk)));
                }
                System.arraycopy(buffer, position, line, length, chunk);
                length += chunk;
                position = end;
                if (end < limit) {
                    afterCarriageReturn = buffer[end] == '\r';
                    position++;
                    return finish(length);
                }
            }
        }

        private String finish(int length) {
            number++;
            return new String(line, 0, length);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
