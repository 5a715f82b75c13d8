package org.biospark.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a FASTA or FASTQ file, plain or gzip (recognised by its magic bytes, not its name),
 * one record in memory at a time. The format is recognised by the first non-empty line: '>' FASTA, '@' FASTQ.
 *
 * <p>A file that breaks the format where reading cannot go on (data before the first header, a FASTQ record
 * without its '+' line or cut short, binary data, a truncated gzip stream) is an {@link InvalidInputException}
 * naming the file and line. A record that is well-formed but unusable (empty sequence, quality of the wrong length)
 * is returned as it is, for the caller to reject with its reason.
 */
public abstract class SequenceReader implements Iterator<SequenceRecord>, Closeable {
    /** The file format. */
    public enum Format { FASTA, FASTQ }

    final LineSource lines;
    long records;
    private SequenceRecord next;

    SequenceReader(LineSource lines, long recordsBefore) {
        this.lines = lines;
        this.records = recordsBefore;
    }

    /**
     * Opens a whole file from its stream.
     *
     * @param in   the raw bytes, gzip or not; closed with the reader
     * @param file the name used in messages and rejects
     */
    public static SequenceReader open(InputStream in, String file) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            boolean gzip = b1 == 0x1f && b2 == 0x8b;
            TruncationGuard guard = gzip ? new TruncationGuard(new GZIPInputStream(buffered, 1 << 16)) : null;
            InputStream text = gzip ? guard : buffered;
            LineSource lines = new LineSource(
                    new BufferedReader(new InputStreamReader(text, StandardCharsets.US_ASCII), 1 << 16), guard, file, 1);
            return open(lines, 0);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InvalidInputException(file, 1, "truncated or corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    static SequenceReader open(LineSource lines, long recordsBefore) {
        while (lines.peek() != null && lines.peek().isBlank()) {
            lines.next();
        }
        String first = lines.peek();
        if (first == null || first.startsWith(">")) {
            return new FastaReader(lines, recordsBefore);
        }
        if (first.startsWith("@")) {
            return new FastqReader(lines, recordsBefore);
        }
        lines.next();
        throw lines.error("not FASTA or FASTQ: the first line starts with '" + first.charAt(0)
                + "', not '>' or '@'");
    }

    /** The format of this file. */
    public abstract Format format();

    /** Reads the next record, or returns null at the end of the file. */
    abstract SequenceRecord read();

    /** Records returned so far (including those before this reader's start, for a split). */
    public long recordCount() {
        return records;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public SequenceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SequenceRecord record = next;
        next = null;
        return record;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    static String firstWord(String header) {
        String rest = header.substring(1).strip();
        int space = 0;
        while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
            space++;
        }
        return rest.substring(0, space);
    }

    static String withoutWhitespace(String line) {
        boolean clean = true;
        for (int i = 0; i < line.length() && clean; i++) {
            clean = !Character.isWhitespace(line.charAt(i));
        }
        return clean ? line : line.replaceAll("\\s+", "");
    }
}
