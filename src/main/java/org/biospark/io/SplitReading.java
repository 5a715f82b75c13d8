package org.biospark.io;

import java.io.Serializable;

/**
 * What the reader of one split of a plain file read: the lines between the split's first byte and its first record
 * (the end of a record the split before holds), the lines from there to the next split's first record, and the
 * records. Unlike {@link SplitCounts} it comes from the reading itself, at no extra cost.
 *
 * @param leadingLines newlines in [start, first header)
 * @param linesRead    lines read from the first header up to the next split's first header (or the end of the file)
 * @param records      records read
 */
public record SplitReading(long leadingLines, long linesRead, long records) implements Serializable {
}
