package org.biospark.io;

import java.io.IOException;

/**
 * Lines of a text file with their 1-based numbers, for the readers of this package: one line of look-ahead, and
 * errors that name the file and the line. Binary data (a NUL or another control character) and truncated or
 * corrupt gzip streams are {@link InvalidInputException}s.
 */
final class LineSource implements AutoCloseable {
    private final ByteLineReader reader;
    private final TruncationGuard guard;
    private final String file;
    private long lineNumber;
    private String peeked;
    private String raw;
    private long rawOffset;
    private long rawLineStart;
    private boolean rawLoaded;
    private long peekedOffset;
    private boolean hasPeeked;
    /** Whether the raw line read last, the one peeked, and the one returned last were cut at the reader's limit. */
    private boolean rawCut;
    private boolean rawOffsetCut;
    private boolean peekedCut;
    private boolean lastCut;
    /** The full lengths of the same lines, in bytes. */
    private long rawLength;
    private long rawOffsetLength;
    private long peekedLength;
    private long lastLength;

    /** Lines of {@code reader}; {@code guard} (or null) tells whether a gzip stream underneath ended early. */
    LineSource(ByteLineReader reader, TruncationGuard guard, String file, long firstLineNumber) {
        this.reader = reader;
        this.guard = guard;
        this.file = file;
        this.lineNumber = firstLineNumber - 1;
    }

    String file() {
        return file;
    }

    /** The most residues a record read from these lines may keep: its longest line, but for a byte. */
    int maxResidues() {
        return reader.maxLine() - 1;
    }

    /** Number of the line last returned by {@link #next()} (or of the line before the first). */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without consuming it, or null at the end. */
    String peek() {
        if (!hasPeeked) {
            peeked = read();
            peekedOffset = rawOffset;
            peekedCut = rawOffsetCut;
            peekedLength = rawOffsetLength;
            hasPeeked = true;
        }
        return peeked;
    }

    /** Byte offset in the file of the line {@link #peek()} shows. */
    long peekOffset() {
        peek();
        return peekedOffset;
    }

    /** The next line, or null at the end. */
    String next() {
        String line = peek();
        hasPeeked = false;
        if (line != null) {
            lineNumber++;
            lastCut = peekedCut;
            lastLength = peekedLength;
        }
        return line;
    }

    /** Whether the line {@link #next()} returned last was longer than the reader keeps, and cut. */
    boolean lastCut() {
        return lastCut;
    }

    /** The full length in bytes of the line {@link #next()} returned last, cut or not. */
    long lastLength() {
        return lastLength;
    }


    InvalidInputException error(String problem) {
        return new InvalidInputException(file, lineNumber, problem);
    }

    private String read() {
        String line = rawNext();
        if (guard != null && guard.failure() != null && (line == null || rawPeek() == null)) {
            // The gzip stream broke: only a line that another line follows is known to be whole.
            throw new InvalidInputException(file, lineNumber + 1, "truncated or corrupt gzip data ("
                    + guard.failure().getMessage() + ")", guard.failure());
        }
        if (line != null) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r') {
                    throw new InvalidInputException(file, lineNumber + 1,
                            String.format("binary data (byte 0x%02x), not a text file", (int) c));
                }
            }
        }
        return line;
    }

    /** The next raw line; {@code rawOffset} becomes its byte offset. */
    private String rawNext() {
        String line = rawPeek();
        rawOffset = rawLineStart;
        rawOffsetCut = rawCut;
        rawOffsetLength = rawLength;
        rawLoaded = false;
        return line;
    }

    private String rawPeek() {
        if (!rawLoaded) {
            try {
                raw = reader.readLine();
                rawLineStart = reader.lineStart();
                rawLength = reader.lastLength();
                rawCut = raw != null && reader.lastCut();
            } catch (IOException e) {
                throw new InvalidInputException(file, lineNumber + 1, "cannot read (" + e.getMessage() + ")", e);
            }
            rawLoaded = true;
        }
        return raw;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
