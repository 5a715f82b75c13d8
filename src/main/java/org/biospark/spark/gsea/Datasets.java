package org.biospark.spark.gsea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.RankedList;
import org.biospark.io.ClsFile;
import org.biospark.io.GctFile;
import org.biospark.io.InvalidInputException;
import org.biospark.io.RankFile;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Reject;

/**
 * Reads one dataset of a {@code gsea} run, on the driver or in its task: its bad lines become rejects, and a
 * dataset that cannot be analysed at all is left out with a reject that says why.
 */
final class Datasets {
    /**
     * One dataset as read: the input (null when the whole dataset had to be left out, and then why), the rejects
     * of its lines, how many lines it had and used, and warnings.
     */
    record Read(DatasetInput input, List<Reject> rejects, long lines, long used, List<String> warnings,
                String leftOut) {
        static Read of(DatasetInput input, List<Reject> rejects, long lines, long used, List<String> warnings) {
            return new Read(input, rejects, lines, used, warnings, null);
        }

        /** A dataset that cannot be analysed: its reject says why, and the run tells the user. */
        static Read leftOut(GseaInputs.Source s, String file, long line, List<Reject> rejects, long lines,
                            String reason) {
            List<Reject> all = new ArrayList<>(rejects);
            all.add(new Reject(file, 0, line, s.name(), reason + ": dataset left out", s.name()));
            return new Read(null, all, lines, 0, List.of(), reason);
        }
    }

    private Datasets() {
    }

    static Read read(GseaInputs.Source s, GseaOptions o, Configuration conf) {
        return switch (s.method()) {
            case PRERANKED -> readRanks(s, o, conf);
            case PHENOTYPE -> readExpression(s, o, conf);
            case ORA -> {
                List<String> genes = InputFiles.parse(new Path(s.file()), conf, Datasets::geneList);
                yield genes.isEmpty() ? Read.leftOut(s, s.file(), 0, List.of(), 0, "the gene list names no gene")
                        : Read.of(new DatasetInput.GeneList(s.name(), genes), List.of(), genes.size(), genes.size(),
                        List.of());
            }
        };
    }

    private static Read readRanks(GseaInputs.Source s, GseaOptions o, Configuration conf) {
        RankFile rnk = InputFiles.parse(new Path(s.file()), conf,
                in -> RankFile.read(in, s.file(), o.collapseDuplicates()));
        List<Reject> rejects = new ArrayList<>();
        rnk.problems().forEach(p -> rejects.add(Reject.of(p)));
        long lines = rnk.scores().size() + rnk.problems().size();
        if (rnk.scores().size() < 2) {
            return Read.leftOut(s, s.file(), 0, rejects, lines, noRankedList(rnk, lines));
        }
        return Read.of(new DatasetInput.Ranked(s.name(), RankedList.of(rnk.scores())), rejects, lines,
                rnk.scores().size(), List.of());
    }

    private static Read readExpression(GseaInputs.Source s, GseaOptions o, Configuration conf) {
        GctFile gct = InputFiles.parse(new Path(s.file()), conf, in -> GctFile.read(in, s.file()));
        ClsFile cls = InputFiles.parse(new Path(s.labels()), conf, in -> ClsFile.read(in, s.labels()));
        List<Reject> rejects = new ArrayList<>();
        gct.problems().forEach(p -> rejects.add(Reject.of(p)));
        long lines = gct.genes().size() + gct.problems().stream().filter(p -> !p.key().isEmpty()).count();
        if (cls.labels().size() != gct.samples().size()) {
            // the driver checked the header; the matrix changed since
            throw new InvalidInputException(s.labels(), 3, "the CLS file has " + cls.labels().size()
                    + " labels for the " + gct.samples().size() + " samples of " + s.file());
        }
        if (gct.genes().size() < 2) {
            return Read.leftOut(s, s.file(), 0, rejects, lines, "no usable gene: " + gct.genes().size() + " of "
                    + lines + " gene lines could be read");
        }
        String classA = o.classA() != null ? o.classA() : Labels.used(cls).get(0);
        List<String> labels = Labels.compared(cls, classA);
        List<String> warnings = new ArrayList<>();
        if (!labels.equals(cls.labels())) {
            warnings.add(s.name() + ": class " + classA + " against the others, together: " + labels.stream()
                    .filter(l -> !l.equals(classA)).findFirst().orElse(""));
        }
        PhenotypeGsea.warnings(labels, classA).forEach(w -> warnings.add(s.name() + ": " + w));
        return Read.of(new DatasetInput.Expression(s.name(), gct.genes(), gct.values(), labels, classA),
                rejects, lines, gct.genes().size(), warnings);
    }

    /** Why a ranked list has too few genes to rank: no line read at all, or too few usable lines. */
    private static String noRankedList(RankFile rnk, long lines) {
        if (lines == 0) {
            return "no ranked list: the file has no gene line";
        }
        if (rnk.scores().isEmpty()) {
            return "no ranked list: none of its " + lines + " lines could be read (the first: "
                    + rnk.problems().get(0).reason() + ", at line " + rnk.problems().get(0).line() + ")";
        }
        return "no ranked list: only 1 of its " + lines + " lines names a gene with its statistic";
    }

    /** A gene list: one gene a line (the first tab-separated field), '#' comments and blank lines skipped. */
    static List<String> geneList(InputStream in) throws IOException {
        List<String> genes = new ArrayList<>();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not part of the first gene
        }
        for (String line : text.split("\r?\n")) {
            String gene = line.split("\t", 2)[0].strip();
            if (!gene.isEmpty() && !gene.startsWith("#")) {
                genes.add(gene);
            }
        }
        return genes;
    }
}
