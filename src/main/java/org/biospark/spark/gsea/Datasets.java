package org.biospark.spark.gsea;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

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
     * One dataset as read: the input (null when the whole dataset had to be left out), the rejects of its lines,
     * how many lines it had and used, and warnings.
     */
    record Read(DatasetInput input, List<Reject> rejects, long lines, long used, List<String> warnings) {
    }

    private Datasets() {
    }

    static Read read(GseaInputs.Source s, GseaOptions o, Configuration conf) {
        return switch (s.method()) {
            case PRERANKED -> readRanks(s, o, conf);
            case PHENOTYPE -> readExpression(s, o, conf);
            case ORA -> {
                List<String> genes = parse(new Path(s.file()), conf, Datasets::geneList);
                yield new Read(new DatasetInput.GeneList(s.name(), genes), List.of(), genes.size(), genes.size(),
                        List.of());
            }
        };
    }

    private static Read readRanks(GseaInputs.Source s, GseaOptions o, Configuration conf) {
        RankFile rnk = parse(new Path(s.file()), conf, in -> RankFile.read(in, s.file(), o.collapseDuplicates()));
        List<Reject> rejects = new ArrayList<>();
        rnk.problems().forEach(p -> rejects.add(Reject.of(p)));
        long lines = rnk.scores().size() + rnk.problems().size();
        if (rnk.scores().size() < 2) {
            rejects.add(new Reject(s.file(), 0, 0, s.name(), "no ranked list: " + rnk.scores().size()
                    + " usable genes: dataset left out", s.name()));
            return new Read(null, rejects, lines, 0, List.of());
        }
        return new Read(new DatasetInput.Ranked(s.name(), RankedList.of(rnk.scores())), rejects, lines,
                rnk.scores().size(), List.of());
    }

    private static Read readExpression(GseaInputs.Source s, GseaOptions o, Configuration conf) {
        GctFile gct = parse(new Path(s.file()), conf, in -> GctFile.read(in, s.file()));
        ClsFile cls = parse(new Path(s.labels()), conf, in -> ClsFile.read(in, s.labels()));
        List<Reject> rejects = new ArrayList<>();
        gct.problems().forEach(p -> rejects.add(Reject.of(p)));
        long lines = gct.genes().size() + gct.problems().stream().filter(p -> !p.key().isEmpty()).count();
        String problem = null;
        long line = 0;
        String classA = o.classA() != null ? o.classA() : cls.classes().get(0);
        if (cls.labels().size() != gct.samples().size()) {
            problem = "the CLS file has " + cls.labels().size() + " labels for the " + gct.samples().size()
                    + " samples of " + s.file();
            line = 3;
        } else if (cls.classes().size() != 2) {
            problem = "phenotype GSEA compares two classes, the file has " + cls.classes().size() + " "
                    + cls.classes();
            line = 2;
        } else if (!cls.classes().contains(classA)) {
            problem = "--class-a " + classA + " is not one of its classes " + cls.classes();
            line = 2;
        } else if (gct.genes().size() < 2) {
            problem = "no usable gene in " + s.file();
        }
        if (problem != null) {
            rejects.add(new Reject(s.labels(), 0, line, s.name(), problem + ": dataset left out", s.name()));
            return new Read(null, rejects, lines, 0, List.of());
        }
        List<String> warnings = PhenotypeGsea.warnings(cls.labels(), classA).stream()
                .map(w -> s.name() + ": " + w).toList();
        return new Read(new DatasetInput.Expression(s.name(), gct.genes(), gct.values(), cls.labels(), classA),
                rejects, lines, gct.genes().size(), warnings);
    }

    /** A gene list: one gene a line (the first tab-separated field), '#' comments and blank lines skipped. */
    static List<String> geneList(InputStream in) throws IOException {
        List<String> genes = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
            String gene = line.split("\t", 2)[0].strip();
            if (!gene.isEmpty() && !gene.startsWith("#")) {
                genes.add(gene);
            }
        }
        return genes;
    }

    /** Reads a file with {@code parser}. */
    interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    /** Parses an input file, plain or gzip; a file cut short or not a number where one belongs is bad input. */
    static <T> T parse(Path path, Configuration conf, Parser<T> parser) {
        try (InputStream in = InputFiles.open(path, conf)) {
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
