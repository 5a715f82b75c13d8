package org.biospark.spark.align;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.biospark.io.GzipCopy;
import org.biospark.io.InvalidInputException;
import org.biospark.io.SeekableInput;
import org.biospark.io.SequenceReader;
import org.biospark.io.SplitCounts;
import org.biospark.io.SplitReading;
import org.biospark.spark.run.HadoopConf;

/**
 * Query files as splits: a plain file larger than the split size is cut into byte ranges that tasks read in
 * parallel, each from the first record header in its range (a multi-line FASTA record never breaks); a gzip file
 * is one split (a large one has been inflated into a plain copy by {@link GzipUnpacking} and is cut like a plain
 * file, its records named after the gzip file). Records carry the file's own line and record numbers, so a reject
 * names the same line whatever the split size: the splits of a cut file are numbered either by a counting pass
 * over their bytes ({@link #read}) or, when they have been read once already, from what those readers read
 * ({@link #numberedFromReadings}).
 */
final class QuerySplits {
    private final List<FileSplit> splits;
    private final Broadcast<HadoopConf> conf;

    private QuerySplits(List<FileSplit> splits, Broadcast<HadoopConf> conf) {
        this.splits = List.copyOf(splits);
        this.conf = conf;
    }

    /** The splits of all files, whole files first, then the cut ones in file order; cut splits not numbered yet. */
    static QuerySplits plan(List<QueryFile> files, long splitBytes, Broadcast<HadoopConf> conf) {
        List<FileSplit> single = new ArrayList<>();
        List<FileSplit> cut = new ArrayList<>();
        for (QueryFile file : files) {
            List<FileSplit> splits = plan(file, splitBytes, conf.value());
            (splits.size() == 1 ? single : cut).addAll(splits);
        }
        List<FileSplit> all = new ArrayList<>(single);
        all.addAll(cut);
        return new QuerySplits(all, conf);
    }

    /** The splits, in the order of the partitions that read them. */
    List<FileSplit> splits() {
        return splits;
    }

    /** The Hadoop configuration the tasks open the files with. */
    Broadcast<HadoopConf> conf() {
        return conf;
    }

    /** The records of all files, numbered as in the whole files after a counting pass; one task per split. */
    JavaRDD<SourcedRecord> read(JavaSparkContext jsc) {
        List<FileSplit> cut = splits.stream().filter(s -> !s.whole()).toList();
        if (cut.isEmpty()) {
            return read(jsc, splits);
        }
        Broadcast<HadoopConf> shipped = conf;
        List<SplitCounts> counts = jsc.parallelize(cut, cut.size()).map(s -> count(s, shipped.value())).collect();
        List<SplitCounts> all = new ArrayList<>();
        int next = 0;
        for (FileSplit split : splits) {
            all.add(split.whole() ? null : counts.get(next++));
        }
        return read(jsc, numbered(all));
    }

    /** The records of the given splits (numbered as they are), one task per split. */
    JavaRDD<SourcedRecord> read(JavaSparkContext jsc, List<FileSplit> numbered) {
        Broadcast<HadoopConf> shipped = conf;
        return jsc.parallelize(numbered, Math.max(1, numbered.size()))
                .flatMap(split -> records(split, shipped.value()));
    }

    /**
     * The splits numbered from what each one's reader read ({@link SequenceReader#reading()}, in split order; null
     * or anything for whole files, which need none).
     */
    List<FileSplit> numberedFromReadings(List<SplitReading> readings) {
        List<SplitCounts> counts = new ArrayList<>(java.util.Collections.nCopies(splits.size(), null));
        int first = 0;
        while (first < splits.size()) {
            int end = first + 1;
            if (!splits.get(first).whole()) {
                // the cut splits of one file, in order
                while (end < splits.size() && !splits.get(end).whole()
                        && splits.get(end).path().equals(splits.get(first).path())) {
                    end++;
                }
                List<SplitCounts> ofFile = SplitCounts.fromReadings(readings.subList(first, end));
                for (int i = first; i < end; i++) {
                    counts.set(i, ofFile.get(i - first));
                }
            }
            first = end;
        }
        return numbered(counts);
    }

    /** The splits with the line and record numbers before each cut one, from the counts of the cut ones. */
    private List<FileSplit> numbered(List<SplitCounts> counts) {
        List<FileSplit> numbered = new ArrayList<>();
        String path = null;
        long lines = 0;
        long records = 0;
        for (int i = 0; i < splits.size(); i++) {
            FileSplit split = splits.get(i);
            if (split.whole()) {
                numbered.add(split);
                continue;
            }
            if (!split.path().equals(path)) {
                path = split.path();
                lines = 0;
                records = 0;
            }
            numbered.add(split.numbered(lines, records));
            lines += counts.get(i).newlines();
            records += counts.get(i).records();
        }
        return numbered;
    }

    /** One split for a gzip or small file, else ranges of {@code splitBytes}. */
    private static List<FileSplit> plan(QueryFile file, long splitBytes, HadoopConf conf) {
        Path path = new Path(file.path());
        try {
            FileSystem fs = path.getFileSystem(conf.value());
            boolean gzip;
            SequenceReader.Format format;
            try (FSDataInputStream in = fs.open(path)) {
                gzip = GzipCopy.isGzip(in.readNBytes(2));
            }
            if (gzip || file.length() <= splitBytes) {
                // Read whole: the reader finds the format (and gzip) itself.
                return List.of(new FileSplit(file.path(), file.source(), SequenceReader.Format.FASTA, true, gzip, 0,
                        file.length(), 0, 0));
            }
            try (SequenceReader reader = SequenceReader.open(fs.open(path), file.source())) {
                format = reader.format();
            }
            List<FileSplit> splits = new ArrayList<>();
            for (long start = 0; start < file.length(); start += splitBytes) {
                long end = Math.min(file.length(), start + splitBytes);
                splits.add(new FileSplit(file.path(), file.source(), format, false, false, start, end, 0, 0));
            }
            return splits;
        } catch (IOException e) {
            throw new InvalidInputException(file.source(), "cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * A format error found by a task reading an unnumbered split, with its line counted from the split's start,
     * renumbered as a line of the whole file (by counting the newlines before the split: only ever on this error).
     */
    static InvalidInputException numberedInFile(InvalidInputException e, FileSplit split, HadoopConf conf) {
        if (split.whole() || e.line() <= 0 || split.linesBefore() > 0 || split.start() == 0) {
            return e;
        }
        try {
            long before = SequenceReader.countNewlines(opener(split, conf), 0, split.start());
            return new InvalidInputException(e.file(), before + e.line(), e.problem(), e.getCause());
        } catch (IOException io) {
            throw new UncheckedIOException("cannot read " + split.source(), io);
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
        return SequenceReader.countSplit(opener(split, conf), split.source(), split.format(), split.start(),
                split.end());
    }

    /** Executor side: the records of one split, streamed, the file closed at the end. */
    static SplitRecords records(FileSplit split, HadoopConf conf) throws IOException {
        SeekableInput input = opener(split, conf);
        SequenceReader reader;
        if (split.whole()) {
            reader = SequenceReader.open(input.openAt(0), split.source());
        } else {
            reader = SequenceReader.openSplit(input, split.source(), split.format(), split.start(), split.end(),
                    split.linesBefore(), split.recordsBefore());
        }
        return new SplitRecords(split, reader);
    }

    /** The records of one split as they are read; closes the file after the last one. */
    static final class SplitRecords implements Iterator<SourcedRecord> {
        private final FileSplit split;
        private final SequenceReader reader;
        private boolean open = true;

        private SplitRecords(FileSplit split, SequenceReader reader) {
            this.split = split;
            this.reader = reader;
        }

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
                    throw new UncheckedIOException("cannot close " + split.source(), e);
                }
            }
            return false;
        }

        @Override
        public SourcedRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return new SourcedRecord(split.source(), reader.next());
        }

        /** What has been read so far (see {@link SequenceReader#reading()}). */
        SplitReading reading() {
            return reader.reading();
        }
    }
}
