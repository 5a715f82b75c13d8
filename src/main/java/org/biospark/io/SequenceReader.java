package org.biospark.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /**
     * The most residues a record may have (2^28, longer than any human chromosome): a longer record is read past,
     * its residues counted and not kept, and returned empty with {@link SequenceRecord#omitted()} set, so that no
     * input can make a record take more memory than this.
     */
    public static final int MAX_RESIDUES = 1 << 28;

    final LineSource lines;
    /** The most residues a record keeps: {@link #MAX_RESIDUES}, or fewer in tests. */
    final int maxResidues;
    long records;
    /** Records whose header starts at or beyond this byte offset belong to the next split. */
    final long end;
    private final long recordsBefore;
    private final long lineBefore;
    private long leadingLines;
    private SequenceRecord next;

    SequenceReader(LineSource lines, long recordsBefore, long end) {
        this.lines = lines;
        this.maxResidues = lines.maxResidues();
        this.records = recordsBefore;
        this.recordsBefore = recordsBefore;
        this.lineBefore = lines.lineNumber();
        this.end = end;
    }

    /**
     * Opens a whole file from its stream.
     *
     * @param in   the raw bytes, gzip or not; closed with the reader
     * @param file the name used in messages and rejects
     */
    public static SequenceReader open(InputStream in, String file) {
        return open(in, file, MAX_RESIDUES);
    }

    /** The same, keeping at most {@code maxResidues} residues of a record. */
    static SequenceReader open(InputStream in, String file, int maxResidues) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            boolean gzip = b1 == 0x1f && b2 == 0x8b;
            TruncationGuard guard = gzip ? new TruncationGuard(new GZIPInputStream(buffered, 1 << 16)) : null;
            InputStream text = gzip ? guard : buffered;
            LineSource lines = new LineSource(new ByteLineReader(text, 0, maxResidues + 1), guard, file, 1);
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
            return new FastaReader(lines, recordsBefore, Long.MAX_VALUE);
        }
        if (first.startsWith("@")) {
            return new FastqReader(lines, recordsBefore, Long.MAX_VALUE);
        }
        lines.next();
        throw lines.error("not FASTA or FASTQ: the first line starts with '" + first.charAt(0)
                + "', not '>' or '@'");
    }

    /**
     * The records of one split of a plain (not gzip) file: those whose header starts in [start, end). A record that
     * starts in the split is read to its end even past {@code end}; the next split skips it. Line and record numbers
     * are those of the whole file, given the counts of the splits before ({@link #countSplit}).
     */
    public static SequenceReader openSplit(SeekableInput input, String file, Format format, long start, long end,
                                           long linesBefore, long recordsBefore) throws IOException {
        long[] first = firstRecord(input, format, start, end);
        long headerOffset = first[0];
        long lineNumber = linesBefore + 1 + first[1];
        // A split without a header of its own lies inside a record of the split before: it reads nothing.
        InputStream text = headerOffset < end ? input.openAt(headerOffset) : InputStream.nullInputStream();
        LineSource lines = new LineSource(new ByteLineReader(text, headerOffset), null, file, lineNumber);
        SequenceReader reader = format == Format.FASTA ? new FastaReader(lines, recordsBefore, end)
                : new FastqReader(lines, recordsBefore, end);
        reader.leadingLines = first[1];
        return reader;
    }

    /**
     * What this split's reader has read so far; once it is at its end, {@link SplitCounts#fromReadings} numbers the
     * splits after it from that, without a counting pass. The lines are those from the first record's header up to
     * the next split's first record (the end of the last record read); records are the ones returned.
     */
    public SplitReading reading() {
        return new SplitReading(leadingLines, lines.lineNumber() - lineBefore, records - recordsBefore);
    }

    /** Counts what split [start, end) of a plain file holds, for the numbering of the splits after it. */
    public static SplitCounts countSplit(SeekableInput input, String file, Format format, long start, long end)
            throws IOException {
        long newlines = countNewlines(input, start, end);
        long records = 0;
        try (SequenceReader reader = openSplit(input, file, format, start, end, 0, 0)) {
            while (reader.hasNext()) {
                reader.next();
                records++;
            }
        }
        return new SplitCounts(newlines, records);
    }

    /** The '\n' bytes in [start, end) of a file. */
    public static long countNewlines(SeekableInput input, long start, long end) throws IOException {
        long newlines = 0;
        try (InputStream in = input.openAt(start)) {
            byte[] buffer = new byte[1 << 16];
            long remaining = end - start;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    newlines += buffer[i] == '\n' ? 1 : 0;
                }
                remaining -= n;
            }
        }
        return newlines;
    }

    /**
     * The byte offset of the first record header at or after {@code start} (or {@code end} when the split holds
     * none), and the number of newlines in [start, that offset). FASTA: a line starting with '>'. FASTQ: a line
     * starting with '@' whose next-but-one line starts with '+' (a quality line may start with '@', but the line
     * two below it is a sequence).
     */
    private static long[] firstRecord(SeekableInput input, Format format, long start, long end) throws IOException {
        if (start == 0) {
            return new long[] {0, 0};
        }
        try (ByteLineReader reader = new ByteLineReader(input.openAt(start - 1), start - 1)) {
            reader.readLine(); // the rest of the line that holds byte start - 1
            java.util.ArrayDeque<String> window = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Long> offsets = new java.util.ArrayDeque<>();
            long lineStarts = 0; // lines starting in (start, offset]
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                window.addLast(line);
                offsets.addLast(reader.lineStart());
                if (offsets.peekFirst() >= end) {
                    return new long[] {end, 0};
                }
                boolean header = format == Format.FASTA ? window.peekFirst().startsWith(">")
                        : window.size() == 3 && window.peekFirst().startsWith("@")
                          && window.peekLast().startsWith("+");
                if (header) {
                    long offset = offsets.peekFirst();
                    return new long[] {offset, lineStarts + (offset > start ? 1 : 0)};
                }
                if (format == Format.FASTA || window.size() == 3) {
                    long dropped = offsets.removeFirst();
                    window.removeFirst();
                    lineStarts += dropped > start ? 1 : 0;
                }
            }
        }
        return new long[] {end, 0};
    }

    /** The format of this file. */
    public abstract Format format();

    /** Reads the next record, or returns null at the end of the file. */
    abstract SequenceRecord read();

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
