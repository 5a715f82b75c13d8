package org.biospark.io;

/**
 * FASTQ in its four-line form: '@' header, sequence, '+' (optionally repeating the id), quality. A record that
 * breaks this shape stops the file; a quality string whose length differs from the sequence's is returned for the
 * caller to reject.
 */
final class FastqReader extends SequenceReader {
    FastqReader(LineSource lines, long recordsBefore, long end) {
        super(lines, recordsBefore, end);
    }

    @Override
    public Format format() {
        return Format.FASTQ;
    }

    @Override
    SequenceRecord read() {
        String header = lines.peek();
        while (header != null && header.isBlank()) {
            lines.next();
            header = lines.peek();
        }
        if (header == null || lines.peekOffset() >= end) {
            return null;
        }
        lines.next();
        if (!header.startsWith("@")) {
            throw lines.error("expected a FASTQ header starting with '@'");
        }
        long headerLine = lines.lineNumber();
        String sequence = lines.next();
        boolean cut = sequence != null && (lines.lastCut() || sequence.length() > maxResidues);
        long length = lines.lastLength();
        String plus = lines.next();
        String quality = lines.next();
        if (sequence == null || plus == null || quality == null) {
            throw lines.error("FASTQ record cut short (it starts at line " + headerLine + ")");
        }
        if (!plus.startsWith("+")) {
            throw new InvalidInputException(lines.file(), headerLine + 2, "expected the FASTQ '+' separator line");
        }
        records++;
        if (cut) {
            return new SequenceRecord(firstWord(header), "", "", records, headerLine, length);
        }
        return new SequenceRecord(firstWord(header), withoutWhitespace(sequence), quality.strip(), records, headerLine);
    }
}
