package org.biospark.spark.align;

import java.io.Serializable;
import java.util.List;

/**
 * How {@code align} reads queries and references given as tables. A column left null is found by its usual
 * names, ADAM's read schema among them: the id in {@code id}, {@code readName} or {@code name}, the sequence in
 * {@code sequence} or {@code seq}, the quality (optional) in {@code quality}, {@code qualityScores} or {@code qual}.
 *
 * @param format   the tables' format (null: by extension, see {@link org.biospark.spark.run.Tables})
 * @param id       the id column
 * @param sequence the sequence column
 * @param quality  the quality column (FASTQ's characters)
 */
public record ReadColumns(String format, String id, String sequence, String quality) implements Serializable {
    public static final ReadColumns DEFAULT = new ReadColumns(null, null, null, null);

    static final List<String> IDS = List.of("id", "readName", "name");
    static final List<String> SEQUENCES = List.of("sequence", "seq");
    static final List<String> QUALITIES = List.of("quality", "qualityScores", "qual");

    /** The same columns, the format by extension: {@code --format} names the queries' format, not the references'. */
    ReadColumns byExtension() {
        return new ReadColumns(null, id, sequence, quality);
    }

    /** Whether any table option was given, which makes a {@code .tsv} a table. */
    boolean given() {
        return !equals(DEFAULT);
    }
}
