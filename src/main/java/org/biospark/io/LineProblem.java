package org.biospark.io;

import java.io.Serializable;

/**
 * A line of an input file that was skipped, and why: the reader goes on, and the caller reports it as a reject.
 *
 * @param file   the file
 * @param line   1-based line number
 * @param key    what the line was about (a gene, a gene set name), or "" when it could not be read
 * @param reason why it was skipped
 */
public record LineProblem(String file, long line, String key, String reason) implements Serializable {
}
