package org.biospark.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Inflates a gzip file (one member or several concatenated, as bgzip writes them) into its plain bytes, unchanged,
 * so that the plain copy can be read in parallel byte ranges where the gzip file could only be read from its start.
 * Counts the lines as it goes: a truncated or corrupt stream is an {@link InvalidInputException} naming the gzip
 * file and the line where its data ran out, the line that {@link SequenceReader} names when it meets the same
 * stream.
 */
public final class GzipCopy {
    private static final int BUFFER = 1 << 16;

    /** What a copy holds: its length and its '\n' bytes. */
    public record Copied(long bytes, long newlines) {
    }

    private GzipCopy() {
    }

    /** Whether a file's first two bytes are gzip's magic number. */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /**
     * Copies the inflated bytes of {@code gzip} to {@code out}; closes neither.
     *
     * @param file the gzip file's name, for messages
     */
    public static Copied copy(InputStream gzip, OutputStream out, String file) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long bytes = 0;
        long newlines = 0;
        try {
            InputStream in = new GZIPInputStream(gzip, BUFFER);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    newlines += buffer[i] == '\n' ? 1 : 0;
                }
                bytes += n;
            }
        } catch (EOFException | ZipException e) {
            // the line after the last newline that the data reached, as the reader counts it
            throw new InvalidInputException(file, newlines + 1, "truncated or corrupt gzip data (" + e.getMessage()
                    + ")", e);
        }
        return new Copied(bytes, newlines);
    }
}
