package org.biospark.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a byte stream (one byte, one character: sequence files are ASCII) with the byte offset where each line
 * starts, so that a file can be cut into splits at record boundaries. A line ends at '\n'; a '\r' before it is
 * dropped; the last line may lack its '\n'. A UTF-8 byte-order mark at the start of the file is not part of the
 * first line (editors on Windows write one, and the line would not start with its '>' or '@'). A line longer than
 * {@link #MAX_LINE} keeps only its first {@code MAX_LINE} bytes in memory; the rest is read past and counted
 * ({@link #lastLength()}), so that no input can make a line take more memory than the longest record allowed.
 */
final class ByteLineReader implements Closeable {
    /** The most bytes of one line kept in memory by default: the longest sequence a record may have, and one more. */
    static final int MAX_LINE = SequenceReader.MAX_RESIDUES + 1;
    /** The UTF-8 byte-order mark, one character per byte. */
    private static final String BOM = "\u00ef\u00bb\u00bf";

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long consumed;  // bytes before buffer[position]
    private long lineStart;
    private byte[] line = new byte[256];
    private final int maxLine;
    /** The full length of the line last returned, kept or not. */
    private long lastLength;
    /** Whether the next line is the file's first, which may begin with a byte-order mark. */
    private boolean atFileStart;

    /** Reads {@code in}, whose first byte lies at {@code startOffset} in the file. */
    ByteLineReader(InputStream in, long startOffset) {
        this(in, startOffset, MAX_LINE);
    }

    /** The same, keeping at most {@code maxLine} bytes of a line. */
    ByteLineReader(InputStream in, long startOffset, int maxLine) {
        this.maxLine = maxLine;
        this.in = in;
        this.consumed = startOffset;
        this.atFileStart = startOffset == 0;
    }

    /** The next line, or null at the end of the stream. */
    String readLine() throws IOException {
        String next = rawLine();
        if (atFileStart) {
            atFileStart = false;
            if (next != null && next.startsWith(BOM)) {
                return next.substring(BOM.length());
            }
        }
        return next;
    }

    /**
     * The length of the line last returned, in bytes (a '\r' before its '\n' included): more than the line's
     * length when the line passed the limit and was cut.
     */
    long lastLength() {
        return lastLength;
    }

    /** The most bytes of a line kept. */
    int maxLine() {
        return maxLine;
    }

    /** Whether the line last returned was cut at the limit. */
    boolean lastCut() {
        return lastLength > maxLine;
    }

    private String rawLine() throws IOException {
        int length = 0;
        long total = 0;
        lineStart = consumed;
        boolean any = false;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    lastLength = total;
                    return any ? decode(line, 0, length) : null;
                }
                position = 0;
                limit = n;
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            consumed += chunk;
            total += chunk;
            if (end < limit && length == 0 && chunk <= maxLine) {
                // the whole line is in the buffer: no copy
                String whole = decode(buffer, position, chunk);
                position = end + 1;
                consumed++;
                lastLength = total;
                return whole;
            }
            int kept = Math.min(chunk, maxLine - length);
            if (length + kept > line.length) {
                line = java.util.Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(2L * line.length,
                        length + kept)));
            }
            System.arraycopy(buffer, position, line, length, kept);
            length += kept;
            position = end;
            if (end < limit) {
                position++;
                consumed++;
                lastLength = total;
                return decode(line, 0, length);
            }
        }
    }

    /** Byte offset, in the file, of the line last returned. */
    long lineStart() {
        return lineStart;
    }

    private static String decode(byte[] bytes, int from, int length) {
        if (length > 0 && bytes[from + length - 1] == '\r') {
            length--;
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
