package org.biospark.io;

import java.io.IOException;
import java.io.InputStream;

/** A file that can be opened at any byte offset (the caller's file system does the seeking). */
@FunctionalInterface
public interface SeekableInput {
    /** A stream of the file's bytes from {@code offset} on. */
    InputStream openAt(long offset) throws IOException;
}
