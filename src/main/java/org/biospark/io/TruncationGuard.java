package org.biospark.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Ends a gzip stream cleanly where it is truncated or corrupt and remembers why, so that the reader above gets every
 * intact line first and can name the line where the data ran out (read-ahead buffers would otherwise fail early).
 */
final class TruncationGuard extends FilterInputStream {
    private IOException failure;

    TruncationGuard(InputStream in) {
        super(in);
    }

    /** Why the stream ended early, or null if it ended normally. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            return super.read();
        } catch (EOFException | ZipException e) {
            failure = e;
            return -1;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (EOFException | ZipException e) {
            failure = e;
            return -1;
        }
    }
}
