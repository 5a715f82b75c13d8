package org.biospark.io;

import java.io.Serializable;

/**
 * One FASTA or FASTQ record as read, before any validation of its residues.
 *
 * @param id           the first word of the header ("" when the header has none)
 * @param sequence     the residues, lines joined, whitespace removed
 * @param quality      the FASTQ quality string, or null for FASTA
 * @param recordNumber 1-based position of the record in its file
 * @param line         1-based line of the record's header in its file
 * @param omitted      residues not kept because the record is longer than {@link SequenceReader#MAX_RESIDUES}
 *                     (its sequence and quality are then empty), or 0
 */
public record SequenceRecord(String id, String sequence, String quality, long recordNumber, long line, long omitted)
        implements Serializable {
    /** A record kept whole. */
    public SequenceRecord(String id, String sequence, String quality, long recordNumber, long line) {
        this(id, sequence, quality, recordNumber, line, 0);
    }

    /** Whether the record was longer than a record may be, and its residues left out. */
    public boolean tooLong() {
        return omitted > 0;
    }
}
