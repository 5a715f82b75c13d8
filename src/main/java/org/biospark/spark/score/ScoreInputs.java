package org.biospark.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.biospark.UsageException;
import org.biospark.io.ClsFile;
import org.biospark.io.GctFile;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.GeneSets;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.SampleLabels;
import org.biospark.spark.run.Tables;

/**
 * The inputs of a {@code score} run as the driver knows them before any gene line is read: the collections (read
 * here), and each matrix's samples and labels (checked here, so that a mistake in them stops the run before any
 * task starts). The gene lines are read by the tasks ({@link MatrixRows}).
 *
 * @param collections  the gene-set collections, in the order given
 * @param datasets     the matrices, in the order given (a table's in the order they first appear)
 * @param tables       the expression tables, which hold the datasets marked {@link Matrix#table}
 * @param rejects      the bad lines of the gene-set files
 * @param files        every input, for the manifest
 * @param geneSetLines the gene-set inputs' records: a GMT file's sets and bad lines, a table's rows
 */
record ScoreInputs(List<GeneSets.Collection> collections, List<Matrix> datasets, List<MatrixTables.Source> tables,
                   List<Reject> rejects, List<String> files, long geneSetLines) {
    /**
     * One matrix: its name (the file's, or a table's dataset), where it is, its samples, whether its gene lines
     * are a table's rows, and its samples' classes ({@code inA[j]}: sample j is in class A) when labels are given.
     */
    record Matrix(String name, String file, GctFile.Layout layout, boolean table, boolean[] inA, String classA,
                  String classB) implements Serializable {
        int samples() {
            return layout.samples().size();
        }

        /** A reject of the gene at a line of the file, or a row of the table. */
        Reject reject(long where, String id, String reason) {
            return table ? new Reject(file, where, 0, id, reason, name) : new Reject(file, 0, where, id, reason, name);
        }

        /** A line of the file or a row of the table, for messages. */
        String at(long where) {
            return table ? file + " row " + where : file + ":" + where;
        }

        /** What a gene's place is called: a line of a file, a row of a table. */
        String unit() {
            return table ? "row" : "line";
        }

        Matrix labelled(boolean[] a, String nameA, String nameB) {
            return new Matrix(name, file, layout, table, a, nameA, nameB);
        }
    }

    static ScoreInputs open(ScoreOptions o, SparkSession spark, Configuration conf) {
        if (o.geneSets().isEmpty()) {
            throw new UsageException("--gene-sets is required");
        }
        if (o.expression().isEmpty()) {
            throw new UsageException("--expression is required: the matrices to score");
        }
        ScoreOptions.Columns c = o.tables();
        GeneSets.Read sets = GeneSets.read(o.geneSets(), c.format(), c.collection(), c.geneSet(), conf);
        List<String> files = new ArrayList<>(sets.files());
        List<Matrix> datasets = new ArrayList<>();
        List<MatrixTables.Source> tables = new ArrayList<>();
        if (Tables.given(o.expression(), c.format(), c.given(), conf,
                "--expression mixes tables and GCT files; give one kind (or run them apart)")) {
            for (String path : o.expression()) {
                tables.add(MatrixTables.open(spark, path, c, conf, datasets));
                files.add(path);
            }
        } else {
            for (FileStatus f : InputFiles.expand(o.expression(), conf, "expression")) {
                String file = f.getPath().toString();
                GctFile.Layout layout = InputFiles.parse(f.getPath(), conf, in -> GctFile.layout(in, file));
                check(layout, file);
                datasets.add(new Matrix(InputFiles.baseName(f.getPath()), file, layout, false, null, null, null));
                files.add(file);
            }
        }
        Set<String> names = new HashSet<>();
        for (Matrix m : datasets) {
            if (!names.add(m.name())) {
                throw new UsageException("two datasets are named " + m.name() + " (a dataset is named after its"
                        + " file, or by a table's dataset column); rename one of them");
            }
        }
        if (o.classA() != null && o.labels().isEmpty()) {
            throw new UsageException("--class-a needs --labels");
        }
        if (!o.labels().isEmpty()) {
            datasets = labelled(datasets, o, spark, conf, files);
        }
        return new ScoreInputs(sets.collections(), List.copyOf(datasets), List.copyOf(tables), sets.rejects(),
                List.copyOf(files), sets.records());
    }

    /**
     * The datasets with their classes: from CLS files, one per dataset in order (or one for every dataset of the
     * tables), or from tables of (sample, class) rows, matched by sample name.
     */
    private static List<Matrix> labelled(List<Matrix> datasets, ScoreOptions o, SparkSession spark,
                                         Configuration conf, List<String> files) {
        ScoreOptions.Columns c = o.tables();
        boolean tables = o.labels().stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).matches(".*\\.cls(\\.gz)?$"))
                && Tables.given(o.labels(), c.format(), false, conf, "--labels mixes tables and CLS files; give one"
                + " kind");
        List<Matrix> out = new ArrayList<>();
        if (tables) {
            List<SampleLabels> read = new ArrayList<>();
            for (String path : o.labels()) {
                read.add(SampleLabels.of(Tables.read(spark, path, Tables.format(path, c.format(), conf)), path,
                        c.dataset(), c.sample()));
                files.add(path);
            }
            for (Matrix m : datasets) {
                Object given = null;
                for (SampleLabels labels : read) {
                    given = labels.labelsOf(m.name(), m.layout().samples());
                    if (given instanceof ClsFile) {
                        break;
                    }
                }
                if (given instanceof String why) {
                    throw new InvalidInputException(String.join(",", o.labels()), "dataset " + m.name() + ": " + why
                            + ": give every sample of every dataset its class (a dataset column tells datasets apart)");
                }
                out.add(labelled(m, (ClsFile) given, o.classA()));
            }
            return out;
        }
        List<FileStatus> cls = InputFiles.expand(o.labels(), conf, "labels (CLS)");
        boolean oneForAll = cls.size() == 1 && datasets.stream().allMatch(Matrix::table);
        if (cls.size() != datasets.size() && !oneForAll) {
            throw new UsageException(datasets.size() + " datasets but " + cls.size() + " CLS files: give one"
                    + " --labels file for each dataset, in the same order (or tables of (sample, class) rows)");
        }
        Map<Path, ClsFile> read = new HashMap<>();
        for (int i = 0; i < datasets.size(); i++) {
            Path path = cls.get(oneForAll ? 0 : i).getPath();
            ClsFile labels = read.computeIfAbsent(path, p -> {
                files.add(p.toString());
                return InputFiles.parse(p, conf, in -> ClsFile.read(in, p.toString()));
            });
            out.add(labelled(datasets.get(i), labels, o.classA()));
        }
        return out;
    }

    /** A matrix scores need at least two samples, each named once. */
    static void check(GctFile.Layout layout, String file) {
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
        return m.labelled(inA, a, b);
    }
}
