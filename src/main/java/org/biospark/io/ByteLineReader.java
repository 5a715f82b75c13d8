package org.biospark.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a byte stream (one byte, one character: sequence files are ASCII) with the byte offset where each line
 * starts, so that a file can be cut into splits at record boundaries. A line ends at '\n'; a '\r' before it is
 * dropped; the last line may lack its '\n'. A UTF-8 byte-order mark at the start of the file is not part of the
 * first line (editors on Windows write one, and the line would not start with its '>' or '@').
 */
final class ByteLineReader implements Closeable {
    /** The UTF-8 byte-order mark, one character per byte. */
    private static final String BOM = "\u00ef\u00bb\u00bf";

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long consumed;  // bytes before buffer[position]
    private long lineStart;
    private byte[] line = new byte[256];
    /** Whether the next line is the file's first, which may begin with a byte-order mark. */
    private boolean atFileStart;

    /** Reads {@code in}, whose first byte lies at {@code startOffset} in the file. */
    ByteLineReader(InputStream in, long startOffset) {
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

    private String rawLine() throws IOException {
        int length = 0;
        lineStart = consumed;
        boolean any = false;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
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
            if (end < limit && length == 0) {
                // the whole line is in the buffer: no copy
                String whole = decode(buffer, position, chunk);
                position = end + 1;
                consumed++;
                return whole;
            }
            if (length + chunk > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(2 * line.length, length + chunk));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            position = end;
            if (end < limit) {
                position++;
                consumed++;
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
