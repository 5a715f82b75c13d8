package org.biospark.spark.run;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.biospark.io.InvalidInputException;

/** Input paths as users give them: files, directories (their visible files) and globs, on any Hadoop file system. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The files named by {@code patterns}, in the order given (a directory's files sorted by name).
     *
     * @param what what they are, for messages ("query", "gene-set", ...)
     */
    public static List<FileStatus> expand(List<String> patterns, Configuration conf, String what) {
        List<FileStatus> files = new ArrayList<>();
        try {
            for (String pattern : patterns) {
                Path path = new Path(pattern);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new InvalidInputException(pattern, "no " + what + " file matches");
                }
                for (FileStatus match : matches) {
                    if (match.isDirectory()) {
                        FileStatus[] children = fs.listStatus(match.getPath());
                        java.util.Arrays.sort(children);
                        for (FileStatus child : children) {
                            String name = child.getPath().getName();
                            if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                                files.add(child);
                            }
                        }
                    } else {
                        files.add(match);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the " + what + " files", e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(String.join(",", patterns), "no " + what + " files found");
        }
        return files;
    }

    /** Opens a file for reading, decompressing it when it is gzip (recognised by its magic bytes). */
    public static InputStream open(Path path, Configuration conf) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new InvalidInputException(path.toString(), "the file does not exist");
            }
            BufferedInputStream in = new BufferedInputStream(fs.open(path), 1 << 16);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /** A file's name without directories, ".gz" and its extension: the name of the dataset or collection in it. */
    public static String baseName(Path path) {
        String name = path.getName();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Reads a file with a parser of its format. */
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    /** Parses an input file, plain or gzip; a file cut short or not a number where one belongs is bad input. */
    public static <T> T parse(Path path, Configuration conf, Parser<T> parser) {
        try (InputStream in = open(path, conf)) {
            return parser.parse(in);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(path.toString(), "not a number where one is expected: " + e.getMessage());
        } catch (EOFException | ZipException e) {
            // only a gzip stream ends early or fails its check: the file is cut short or damaged
            throw new InvalidInputException(path.toString(), "the gzip data is truncated or corrupt ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
