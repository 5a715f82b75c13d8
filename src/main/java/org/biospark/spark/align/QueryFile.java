package org.biospark.spark.align;

import java.io.Serializable;

import org.apache.hadoop.fs.FileStatus;

/**
 * A query file to read: the file as given, or the plain copy {@link GzipUnpacking} made of a gzip file.
 *
 * @param path   where it is
 * @param length its size in bytes
 * @param source the file as given: records and messages name it
 */
record QueryFile(String path, long length, String source) implements Serializable {
    static QueryFile of(FileStatus status) {
        String path = status.getPath().toString();
        return new QueryFile(path, status.getLen(), path);
    }

    /** Whether this is a plain copy of a gzip file. */
    boolean inflated() {
        return !path.equals(source);
    }
}
