package org.biospark.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.biospark.UsageException;
import org.biospark.geneset.RankedList;
import org.biospark.io.ClsFile;
import org.biospark.io.GctFile;
import org.biospark.io.GmtFile;
import org.biospark.io.InvalidInputException;
import org.biospark.io.RankFile;

/**
 * The inputs of a {@code gsea} run, read on the driver (they are small: a ranked list or a matrix per dataset, a
 * few megabytes of gene sets): the collections, the datasets, and the rejects of their bad lines. A file that
 * cannot be read as its format at all is an {@link InvalidInputException} (exit code 3, file and line).
 */
final class GseaInputs {
    /** A GMT file: its sets (name to genes) in file order and each set's line. */
    record Collection(String name, String file, Map<String, List<String>> sets, Map<String, Long> lines)
            implements Serializable {
    }

    /** One dataset to analyse. */
    sealed interface DatasetInput permits Ranked, Expression, GeneList {
        String name();
    }

    /** A ranked list (preranked GSEA). */
    record Ranked(String name, RankedList list) implements DatasetInput {
    }

    /** A matrix with its labels (phenotype GSEA). */
    record Expression(String name, List<String> genes, double[][] values, List<String> labels, String classA)
            implements DatasetInput {
    }

    /** A gene list (ORA). */
    record GeneList(String name, List<String> genes) implements DatasetInput {
    }

    /**
     * Where one dataset comes from: its file (and, in phenotype mode, its CLS file), and that file's size, which
     * stands for the dataset's cost when datasets are grouped into tasks.
     */
    record Source(String method, String name, String file, String labels, long bytes) implements Serializable {
    }

    /**
     * One dataset as read: the input (null when the whole dataset had to be left out), the rejects of its lines,
     * how many lines it had and used, and warnings.
     */
    record Read(DatasetInput input, List<Reject> rejects, long lines, long used, List<String> warnings)
            implements Serializable {
    }

    final List<Collection> collections = new ArrayList<>();
    final List<Source> sources = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    List<String> universe;
    long geneSetsRead;

    private GseaInputs() {
    }

    /** The collections (read here, on the driver), the dataset files (listed, read later by the tasks). */
    static GseaInputs open(GseaOptions o, String method, Configuration conf) {
        GseaInputs in = new GseaInputs();
        in.readCollections(o.geneSets(), conf);
        switch (method) {
            case "preranked" -> InputFiles.expand(o.ranks(), conf, "ranked list").forEach(f ->
                    in.sources.add(new Source(method, InputFiles.baseName(f.getPath()), f.getPath().toString(), null,
                            f.getLen())));
            case "phenotype" -> {
                List<FileStatus> matrices = InputFiles.expand(o.expression(), conf, "expression");
                List<FileStatus> labelFiles = InputFiles.expand(o.labels(), conf, "labels (CLS)");
                if (matrices.size() != labelFiles.size()) {
                    throw new UsageException(matrices.size() + " expression files but " + labelFiles.size()
                            + " CLS files: give one --labels file for each --expression file, in the same order");
                }
                for (int i = 0; i < matrices.size(); i++) {
                    in.sources.add(new Source(method, InputFiles.baseName(matrices.get(i).getPath()),
                            matrices.get(i).getPath().toString(), labelFiles.get(i).getPath().toString(),
                            matrices.get(i).getLen()));
                }
            }
            case "ora" -> {
                InputFiles.expand(o.genes(), conf, "gene list").forEach(f -> in.sources.add(
                        new Source(method, InputFiles.baseName(f.getPath()), f.getPath().toString(), null,
                                f.getLen())));
                in.readUniverse(o, conf);
            }
            default -> throw new UsageException("unknown --method " + method);
        }
        Set<String> names = new HashSet<>();
        for (Source d : in.sources) {
            if (!names.add(d.name())) {
                throw new UsageException("two datasets are named " + d.name() + " (a dataset is named after its file);"
                        + " rename one of the files");
            }
            in.files.add(d.file());
            if (d.labels() != null) {
                in.files.add(d.labels());
            }
        }
        return in;
    }

    private void readCollections(List<String> patterns, Configuration conf) {
        if (patterns.isEmpty()) {
            throw new UsageException("--gene-sets is required");
        }
        Set<String> names = new HashSet<>();
        for (FileStatus f : InputFiles.expand(patterns, conf, "gene-set")) {
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
            collections.add(new Collection(name, file, gmt.sets(), gmt.lines()));
            gmt.problems().forEach(p -> rejects.add(Reject.of(p)));
            geneSetsRead += gmt.sets().size() + gmt.problems().size();
            files.add(file);
        }
    }

    private void readUniverse(GseaOptions o, Configuration conf) {
        if (o.universe() != null) {
            universe = parse(new Path(o.universe()), conf, GseaInputs::geneList);
            files.add(o.universe());
            if (universe.isEmpty()) {
                throw new InvalidInputException(o.universe(), "the universe file lists no gene");
            }
        } else {
            LinkedHashSet<String> all = new LinkedHashSet<>();
            collections.forEach(c -> c.sets().values().forEach(all::addAll));
            universe = List.copyOf(all);
        }
    }

    /** Reads one dataset (on the driver or in a task): its bad lines become rejects, a hopeless one is left out. */
    static Read read(Source s, GseaOptions o, Configuration conf) {
        return switch (s.method()) {
            case "preranked" -> readRanks(s, o, conf);
            case "phenotype" -> readExpression(s, o, conf);
            default -> {
                List<String> genes = parse(new Path(s.file()), conf, GseaInputs::geneList);
                yield new Read(new GeneList(s.name(), genes), List.of(), genes.size(), genes.size(),
                        List.of());
            }
        };
    }

    private static Read readRanks(Source s, GseaOptions o, Configuration conf) {
        RankFile rnk = parse(new Path(s.file()), conf, in -> RankFile.read(in, s.file(), o.collapseDuplicates()));
        List<Reject> rejects = new ArrayList<>();
        rnk.problems().forEach(p -> rejects.add(Reject.of(p)));
        long lines = rnk.scores().size() + rnk.problems().size();
        if (rnk.scores().size() < 2) {
            rejects.add(new Reject(s.file(), 0, 0, s.name(), "no ranked list: " + rnk.scores().size()
                    + " usable genes: dataset left out", s.name()));
            return new Read(null, rejects, lines, 0, List.of());
        }
        return new Read(new Ranked(s.name(), RankedList.of(rnk.scores())), rejects, lines,
                rnk.scores().size(), List.of());
    }

    private static Read readExpression(Source s, GseaOptions o, Configuration conf) {
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
        List<String> warnings = org.biospark.geneset.PhenotypeGsea.warnings(cls.labels(), classA).stream()
                .map(w -> s.name() + ": " + w).toList();
        return new Read(new Expression(s.name(), gct.genes(), gct.values(), cls.labels(), classA), rejects,
                lines, gct.genes().size(), warnings);
    }

    /** A gene list: one gene a line (the first tab-separated field), '#' comments and blank lines skipped. */
    private static List<String> geneList(InputStream in) throws IOException {
        List<String> genes = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
            String gene = line.split("\t", 2)[0].strip();
            if (!gene.isEmpty() && !gene.startsWith("#")) {
                genes.add(gene);
            }
        }
        return genes;
    }

    private interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    private static <T> T parse(Path path, Configuration conf, Parser<T> parser) {
        try (InputStream in = InputFiles.open(path, conf)) {
            return parser.parse(in);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(path.toString(), "not a number where one is expected: " + e.getMessage());
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            // only a gzip stream ends early or fails its check: the file is cut short or damaged
            throw new InvalidInputException(path.toString(), "the gzip data is truncated or corrupt ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Every set of every collection, keyed by {@link #key}, in order. */
    Map<String, List<String>> allSets() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Collection c : collections) {
            c.sets().forEach((name, genes) -> all.put(key(c.name(), name), genes));
        }
        return all;
    }

    /** The key of a set in {@link #allSets()}: collection and set name, which a set name cannot contain. */
    static String key(String collection, String set) {
        return collection + '\u0001' + set;
    }

    /** {collection, set} of a key. */
    static String[] split(String key) {
        int at = key.indexOf('\u0001');
        return new String[] {key.substring(0, at), key.substring(at + 1)};
    }
}
