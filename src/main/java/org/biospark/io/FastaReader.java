package org.biospark.io;

/** FASTA: a '>' header, then any number of sequence lines. Blank lines and ';' comment lines are skipped. */
final class FastaReader extends SequenceReader {
    FastaReader(LineSource lines, long recordsBefore, long end) {
        super(lines, recordsBefore, end);
    }

    @Override
    public Format format() {
        return Format.FASTA;
    }

    @Override
    SequenceRecord read() {
        String header = lines.peek();
        while (header != null && (header.isBlank() || header.startsWith(";"))) {
            lines.next();
            header = lines.peek();
        }
        if (header == null || lines.peekOffset() >= end) {
            return null;
        }
        lines.next();
        if (!header.startsWith(">")) {
            throw lines.error("sequence data before the first '>' header");
        }
        long headerLine = lines.lineNumber();
        StringBuilder sequence = new StringBuilder();
        long omitted = 0; // past the limit: the residues are counted, not kept
        for (String line = lines.peek(); line != null && !line.startsWith(">"); line = lines.peek()) {
            lines.next();
            if (line.startsWith(";")) {
                continue;
            }
            if (omitted > 0) {
                omitted += lines.lastLength();
                continue;
            }
            String residues = withoutWhitespace(line);
            if (lines.lastCut() || (long) sequence.length() + residues.length() > maxResidues) {
                omitted = sequence.length() + lines.lastLength();
                sequence = new StringBuilder();
                continue;
            }
            sequence.append(residues);
        }
        records++;
        return new SequenceRecord(firstWord(header), sequence.toString(), null, records, headerLine, omitted);
    }
}
