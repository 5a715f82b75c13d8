package org.biospark.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a split of a file holds, from the counting pass: the newlines in its byte range and the records whose
 * headers start there. Summed over the earlier splits, they give a split's first line and record numbers.
 *
 * @param newlines '\n' bytes in [start, end)
 * @param records  records whose header starts in [start, end)
 */
public record SplitCounts(long newlines, long records) implements Serializable {
    /**
     * The counts of consecutive splits of one file, from the first, from what their readers read. A split's newlines
     * come out as its leading lines plus the lines it read minus the next split's leading lines: not the newlines
     * in its byte range when it holds no record header, but their sums over the splits before any split that
     * holds one are the same, and only those number records.
     */
    public static List<SplitCounts> fromReadings(List<SplitReading> readings) {
        List<SplitCounts> counts = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            SplitReading r = readings.get(i);
            long nextLeading = i + 1 < readings.size() ? readings.get(i + 1).leadingLines() : 0;
            counts.add(new SplitCounts(r.leadingLines() + r.linesRead() - nextLeading, r.records()));
        }
        return counts;
    }
}
