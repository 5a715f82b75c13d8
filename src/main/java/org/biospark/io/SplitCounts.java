package org.biospark.io;

import java.io.Serializable;

/**
 * What a split of a file holds, from the counting pass: the newlines in its byte range and the records whose
 * headers start there. Summed over the earlier splits, they give a split's first line and record numbers.
 *
 * @param newlines '\n' bytes in [start, end)
 * @param records  records whose header starts in [start, end)
 */
public record SplitCounts(long newlines, long records) implements Serializable {
}
