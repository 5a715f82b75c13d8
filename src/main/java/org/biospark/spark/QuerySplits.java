package org.biospark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.biospark.io.InvalidInputException;
import org.biospark.io.SeekableInput;
import org.biospark.io.SequenceReader;
import org.biospark.io.SplitCounts;

/**
 * Reads query files as splits: a plain file larger than the split size is cut into byte ranges that tasks read in
 * parallel, each from the first record header in its range (a multi-line FASTA record never breaks); a gzip file
 * is one split. A counting pass over the ranges gives every split the file's own line and record numbers, so a
 * reject names the same line whatever the split size.
 */
final class QuerySplits {
    private QuerySplits() {
    }

    /** The records of all files, read by tasks, one task per split. */
    static JavaRDD<SourcedRecord> read(JavaSparkContext jsc, List<FileStatus> files, long splitBytes) {
        HadoopConf conf = new HadoopConf(jsc.hadoopConfiguration());
        // once per executor, not inside every task: its thousand properties were deserialized by every task of both
        // stages (96 tasks for 48 splits), and Java serialization became one of the JIT's largest jobs (BENCHMARKS.md)
        Broadcast<HadoopConf> shipped = jsc.broadcast(conf);
        List<FileSplit> single = new ArrayList<>();
        List<FileSplit> cut = new ArrayList<>();
        for (FileStatus file : files) {
            List<FileSplit> splits = plan(file, splitBytes, conf);
            (splits.size() == 1 ? single : cut).addAll(splits);
        }
        List<FileSplit> all = new ArrayList<>(single);
        if (!cut.isEmpty()) {
            List<SplitCounts> counts = jsc.parallelize(cut, cut.size()).map(s -> count(s, shipped.value())).collect();
            String path = null;
            long lines = 0;
            long records = 0;
            for (int i = 0; i < cut.size(); i++) {
                FileSplit split = cut.get(i);
                if (!split.path().equals(path)) {
                    path = split.path();
                    lines = 0;
                    records = 0;
                }
                all.add(split.numbered(lines, records));
                lines += counts.get(i).newlines();
                records += counts.get(i).records();
            }
        }
        return jsc.parallelize(all, Math.max(1, all.size())).flatMap(split -> records(split, shipped.value()));
    }

    /** One split for a gzip or small file, else ranges of {@code splitBytes}. */
    private static List<FileSplit> plan(FileStatus status, long splitBytes, HadoopConf conf) {
        String path = status.getPath().toString();
        try {
            FileSystem fs = status.getPath().getFileSystem(conf.value());
            boolean gzip;
            SequenceReader.Format format;
            try (FSDataInputStream in = fs.open(status.getPath())) {
                byte[] head = in.readNBytes(2);
                gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            }
            if (gzip || status.getLen() <= splitBytes) {
                // Read whole: the reader finds the format (and gzip) itself.
                return List.of(new FileSplit(path, SequenceReader.Format.FASTA, true, 0, status.getLen(), 0, 0));
            }
            try (SequenceReader reader = SequenceReader.open(fs.open(status.getPath()), path)) {
                format = reader.format();
            }
            List<FileSplit> splits = new ArrayList<>();
            for (long start = 0; start < status.getLen(); start += splitBytes) {
                splits.add(new FileSplit(path, format, false, start, Math.min(status.getLen(), start + splitBytes), 0, 0));
            }
            return splits;
        } catch (IOException e) {
            throw new InvalidInputException(path, "cannot read (" + e.getMessage() + ")");
        }
    }

    private static SeekableInput opener(FileSplit split, HadoopConf conf) throws IOException {
        Path path = new Path(split.path());
        FileSystem fs = path.getFileSystem(conf.value());
        return offset -> {
            FSDataInputStream in = fs.open(path);
            in.seek(offset);
            return in;
        };
    }

    private static SplitCounts count(FileSplit split, HadoopConf conf) throws IOException {
        return SequenceReader.countSplit(opener(split, conf), split.path(), split.format(), split.start(), split.end());
    }

    /** Executor side: the records of one split, streamed, the file closed at the end. */
    static Iterator<SourcedRecord> records(FileSplit split, HadoopConf conf) throws IOException {
        SeekableInput input = opener(split, conf);
        SequenceReader reader;
        if (split.whole()) {
            reader = SequenceReader.open(input.openAt(0), split.path());
        } else {
            reader = SequenceReader.openSplit(input, split.path(), split.format(), split.start(), split.end(),
                    split.linesBefore(), split.recordsBefore());
        }
        return new Iterator<>() {
            private boolean open = true;

            @Override
            public boolean hasNext() {
                if (open && reader.hasNext()) {
                    return true;
                }
                if (open) {
                    open = false;
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot close " + split.path(), e);
                    }
                }
                return false;
            }

            @Override
            public SourcedRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new SourcedRecord(split.path(), reader.next());
            }
        };
    }
}
