package org.biospark.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 text files of gene-set analysis (GMT, RNK, GCT, CLS, gene lists) as lines. A byte-order mark at the
 * start, which spreadsheet programs and Windows editors write, is not part of the first line: left in, it would
 * glue itself to the first gene or make a '#1.2' line unrecognisable.
 */
public final class TextFiles {
    /** The byte-order mark as a character, after decoding. */
    static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    /** A reader of {@code in} as UTF-8, past a byte-order mark if the stream starts with one. */
    public static BufferedReader utf8(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }
}
