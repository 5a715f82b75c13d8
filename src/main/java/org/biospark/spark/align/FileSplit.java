package org.biospark.spark.align;

import java.io.Serializable;

import org.biospark.io.SequenceReader;

/**
 * A byte range of a query file that one task reads: the records whose headers start in [start, end).
 *
 * @param path          the file read (a plain copy of a gzip file, or the file as given)
 * @param source        the file as given: records and messages name it
 * @param format        FASTA or FASTQ
 * @param whole         the split is the whole file (a gzip file, or one no larger than the split size)
 * @param gzip          the file is gzip-compressed (so its size says little about its residues)
 * @param start         first byte
 * @param end           end of the range, exclusive
 * @param linesBefore   newlines before {@code start}: the file's line numbering carries on from there
 * @param recordsBefore records whose header lies before {@code start}
 */
public record FileSplit(String path, String source, SequenceReader.Format format, boolean whole, boolean gzip,
                        long start, long end, long linesBefore, long recordsBefore) implements Serializable {

    FileSplit numbered(long lines, long records) {
        return new FileSplit(path, source, format, whole, gzip, start, end, lines, records);
    }
}
