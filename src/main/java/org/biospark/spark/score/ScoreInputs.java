package org.biospark.spark.score;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.biospark.UsageException;
import org.biospark.io.ClsFile;
import org.biospark.io.GctFile;
import org.biospark.io.GmtFile;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Reject;

/**
 * The inputs of a {@code score} run as the driver knows them before any gene line is read: the collections (read
 * here), and each matrix's header and labels (checked here, so that a mistake in them stops the run before any
 * task starts). The gene lines are read by the tasks ({@link MatrixRows}).
 *
 * @param collections  the GMT files, in the order given
 * @param datasets     the matrices, in the order given
 * @param rejects      the bad lines of the gene-set files
 * @param files        every input file, for the manifest
 * @param geneSetLines the gene-set files' records: sets and bad lines
 */
record ScoreInputs(List<Collection> collections, List<Matrix> datasets, List<Reject> rejects, List<String> files,
                   long geneSetLines) {
    /** A GMT file's sets, name to genes, in file order. */
    record Collection(String name, Map<String, List<String>> sets) implements Serializable {
    }

    /**
     * One matrix: its name (the file's), its layout, and its samples' classes ({@code inA[j]}: sample j is in
     * class A) when labels are given.
     */
    record Matrix(String name, String file, GctFile.Layout layout, boolean[] inA, String classA, String classB)
            implements Serializable {
        int samples() {
            return layout.samples().size();
        }
    }

    static ScoreInputs open(ScoreOptions o, Configuration conf) {
        if (o.geneSets().isEmpty()) {
            throw new UsageException("--gene-sets is required");
        }
        if (o.expression().isEmpty()) {
            throw new UsageException("--expression is required: the matrices to score");
        }
        List<Reject> rejects = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<Collection> collections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long lines = 0;
        for (FileStatus f : InputFiles.expand(o.geneSets(), conf, "gene-set")) {
            String file = f.getPath().toString();
            GmtFile gmt = parse(f.getPath(), conf, in -> GmtFile.read(in, file));
            String name = InputFiles.baseName(f.getPath());
            if (!names.add(name)) {
                throw new UsageException("two gene-set collections are named " + name + "; rename one of the files");
            }
            if (gmt.sets().isEmpty()) {
                throw new InvalidInputException(file, "no gene set in the file (" + gmt.problems().size()
                        + " bad lines)");
            }
            collections.add(new Collection(name, gmt.sets()));
            gmt.problems().forEach(p -> rejects.add(Reject.of(p)));
            lines += gmt.sets().size() + gmt.problems().size();
            files.add(file);
        }
        List<FileStatus> matrices = InputFiles.expand(o.expression(), conf, "expression");
        List<FileStatus> labels = o.labels().isEmpty() ? List.of() : InputFiles.expand(o.labels(), conf, "labels (CLS)");
        if (!labels.isEmpty() && labels.size() != matrices.size()) {
            throw new UsageException(matrices.size() + " expression files but " + labels.size() + " CLS files: give"
                    + " one --labels file for each --expression file, in the same order");
        }
        if (o.classA() != null && labels.isEmpty()) {
            throw new UsageException("--class-a needs --labels");
        }
        List<Matrix> datasets = new ArrayList<>();
        names.clear();
        for (int i = 0; i < matrices.size(); i++) {
            Path path = matrices.get(i).getPath();
            String file = path.toString();
            String name = InputFiles.baseName(path);
            if (!names.add(name)) {
                throw new UsageException("two datasets are named " + name + " (a dataset is named after its file);"
                        + " rename one of the files");
            }
            GctFile.Layout layout = parse(path, conf, in -> GctFile.layout(in, file));
            check(layout, file);
            files.add(file);
            Matrix m = new Matrix(name, file, layout, null, null, null);
            if (!labels.isEmpty()) {
                String cls = labels.get(i).getPath().toString();
                m = labelled(m, parse(labels.get(i).getPath(), conf, in -> ClsFile.read(in, cls)), o.classA());
                files.add(cls);
            }
            datasets.add(m);
        }
        return new ScoreInputs(List.copyOf(collections), List.copyOf(datasets), List.copyOf(rejects),
                List.copyOf(files), lines);
    }

    /** A matrix scores need at least two samples, each named once. */
    private static void check(GctFile.Layout layout, String file) {
        List<String> samples = layout.samples();
        if (samples.size() < 2) {
            throw new InvalidInputException(file, layout.headerLines(), "the matrix has " + samples.size()
                    + " sample" + (samples.size() == 1 ? "" : "s") + ": single-sample scores rank each gene across"
                    + " the samples, so they need at least two; put the samples in one matrix, a column each");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < samples.size(); j++) {
            Integer before = seen.putIfAbsent(samples.get(j), j);
            if (before != null) {
                throw new InvalidInputException(file, layout.headerLines(), "sample " + samples.get(j)
                        + " names columns " + (before + 1) + " and " + (j + 1) + " of the samples: every sample"
                        + " needs a name of its own");
            }
        }
    }

    /** The matrix with its classes: two, or class A against the rest. */
    private static Matrix labelled(Matrix m, ClsFile cls, String classA) {
        if (cls.labels().size() != m.samples()) {
            throw new InvalidInputException(cls.file(), 3, "the CLS file has " + cls.labels().size()
                    + " labels and " + m.file() + " has " + m.samples() + " samples: give one label per sample,"
                    + " in the order of the matrix's columns");
        }
        List<String> used = cls.labels().stream().distinct().toList();
        if (used.size() < 2) {
            throw new InvalidInputException(cls.file(), 3, "every sample is in class " + used.get(0) + ": the test"
                    + " of score differences compares two classes; label the other class's samples, or leave out"
                    + " --labels to get the scores alone");
        }
        if (classA != null && !used.contains(classA)) {
            throw new UsageException("--class-a " + classA + " is not a class of " + cls.file() + ", whose classes"
                    + " are " + used);
        }
        if (used.size() > 2 && classA == null) {
            throw new UsageException(cls.file() + " has " + used.size() + " classes " + used + ": the test"
                    + " compares two; choose one with --class-a to compare it against all the others");
        }
        String a = classA != null ? classA : cls.classes().stream().filter(used::contains).findFirst().orElseThrow();
        boolean[] inA = new boolean[m.samples()];
        int countA = 0;
        for (int j = 0; j < inA.length; j++) {
            inA[j] = cls.labels().get(j).equals(a);
            countA += inA[j] ? 1 : 0;
        }
        if (countA < 2 || inA.length - countA < 2) {
            throw new InvalidInputException(cls.file(), 3, "Welch's test needs at least two samples in each class;"
                    + " class " + a + " has " + countA + " of " + inA.length);
        }
        String b = used.size() == 2 ? used.stream().filter(c -> !c.equals(a)).findFirst().orElseThrow() : "rest";
        return new Matrix(m.name(), m.file(), m.layout(), inA, a, b);
    }

    /** Reads what a parser makes of a file; a damaged gzip stream is bad input. */
    private static <T> T parse(Path path, Configuration conf, Parser<T> parser) {
        try (InputStream in = InputFiles.open(path, conf)) {
            return parser.parse(in);
        } catch (EOFException | ZipException e) {
            throw new InvalidInputException(path.toString(), "the gzip data is truncated or corrupt ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }
}
