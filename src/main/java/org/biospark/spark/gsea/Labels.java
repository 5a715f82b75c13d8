package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.biospark.UsageException;
import org.biospark.io.ClsFile;
import org.biospark.io.GctFile;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.InputFiles;

/**
 * The class labels of a phenotype dataset, checked on the driver before any task reads a matrix, so that a
 * mistake in them stops the run at once with what to change: a label per sample of the matrix, two classes to
 * compare (or, with {@code --class-a}, one class against all the others), and a {@code --class-a} the file has.
 */
final class Labels {
    private Labels() {
    }

    /** Reads the CLS file and the matrix's header of {@code source}; throws what is wrong with them. */
    static void check(GseaInputs.Source source, String classA, Configuration conf) {
        ClsFile cls = InputFiles.parse(new Path(source.labels()), conf, in -> ClsFile.read(in, source.labels()));
        List<String> samples = InputFiles.parse(new Path(source.file()), conf,
                in -> GctFile.samples(in, source.file()));
        if (cls.labels().size() != samples.size()) {
            throw new InvalidInputException(source.labels(), 3, "the CLS file has " + cls.labels().size()
                    + " labels and " + source.file() + " has " + samples.size() + " samples: give one label per"
                    + " sample, in the order of the matrix's columns");
        }
        checkClasses(cls, source.labels(), classA);
    }

    /** Throws what is wrong with the classes of a CLS file: one class, or more than two without class A. */
    static void checkClasses(ClsFile cls, String file, String classA) {
        List<String> used = used(cls);
        if (used.size() < 2) {
            throw new InvalidInputException(file, 3, "every sample is in class " + used.get(0)
                    + ": phenotype GSEA compares two classes; label the samples of the other class, or rank the"
                    + " genes yourself and give the ranking with --ranks");
        }
        if (classA != null && !used.contains(classA)) {
            throw new UsageException("--class-a " + classA + " is not a class of " + file
                    + ", whose classes are " + used);
        }
        if (used.size() > 2 && classA == null) {
            throw new UsageException(file + " has " + used.size() + " classes " + used + ": phenotype GSEA"
                    + " compares two; choose one with --class-a to compare it against all the others (for example"
                    + " --class-a " + used.get(0) + "), or give a CLS file of two classes");
        }
    }

    /** The classes that label a sample, in the order of the '#' line. */
    static List<String> used(ClsFile cls) {
        Set<String> present = new LinkedHashSet<>(cls.labels());
        List<String> used = new ArrayList<>();
        for (String c : cls.classes()) {
            if (present.contains(c)) {
                used.add(c);
            }
        }
        return used;
    }

    /**
     * The labels as the kernel compares them: class A against one other class, or against all the others under
     * one name ("B+C"), so that warnings count the samples of the compared classes.
     */
    static List<String> compared(ClsFile cls, String classA) {
        List<String> used = used(cls);
        if (used.size() <= 2) {
            return cls.labels();
        }
        String rest = String.join("+", used.stream().filter(c -> !c.equals(classA)).toList());
        return cls.labels().stream().map(label -> label.equals(classA) ? label : rest).toList();
    }
}
