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

        String source();
    }

    /** A ranked list (preranked GSEA). */
    record Ranked(String name, String source, RankedList list) implements DatasetInput {
    }

    /** A matrix with its labels (phenotype GSEA). */
    record Expression(String name, String source, List<String> genes, double[][] values, List<String> labels,
                      String classA) implements DatasetInput {
    }

    /** A gene list (ORA). */
    record GeneList(String name, String source, List<String> genes) implements DatasetInput {
    }

    final List<Collection> collections = new ArrayList<>();
    final List<DatasetInput> datasets = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    List<String> universe;
    long geneSetsRead;
    long datasetLinesRead;
    long datasetLinesUsed;

    private GseaInputs() {
    }

    static GseaInputs read(GseaOptions o, String method, Configuration conf) {
        GseaInputs in = new GseaInputs();
        in.readCollections(o.geneSets(), conf);
        switch (method) {
            case "preranked" -> in.readRanks(o, conf);
            case "phenotype" -> in.readExpression(o, conf);
            case "ora" -> in.readGeneLists(o, conf);
            default -> throw new UsageException("unknown --method " + method);
        }
        Set<String> names = new HashSet<>();
        for (DatasetInput d : in.datasets) {
            if (!names.add(d.name())) {
                throw new UsageException("two datasets are named " + d.name() + " (a dataset is named after its file);"
                        + " rename one of the files");
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

    private void readRanks(GseaOptions o, Configuration conf) {
        for (FileStatus f : InputFiles.expand(o.ranks(), conf, "ranked list")) {
            String file = f.getPath().toString();
            RankFile rnk = parse(f.getPath(), conf, in -> RankFile.read(in, file, o.collapseDuplicates()));
            rnk.problems().forEach(p -> rejects.add(Reject.of(p)));
            datasetLinesRead += rnk.scores().size() + rnk.problems().size();
            datasetLinesUsed += rnk.scores().size();
            files.add(file);
            String name = InputFiles.baseName(f.getPath());
            if (rnk.scores().size() < 2) {
                rejects.add(new Reject(file, 0, 0, name, "no ranked list: " + rnk.scores().size()
                        + " usable genes: dataset left out", name));
                continue;
            }
            datasets.add(new Ranked(name, file, RankedList.of(rnk.scores())));
        }
    }

    private void readExpression(GseaOptions o, Configuration conf) {
        List<FileStatus> matrices = InputFiles.expand(o.expression(), conf, "expression");
        List<FileStatus> labelFiles = InputFiles.expand(o.labels(), conf, "labels (CLS)");
        if (matrices.size() != labelFiles.size()) {
            throw new UsageException(matrices.size() + " expression files but " + labelFiles.size()
                    + " CLS files: give one --labels file for each --expression file, in the same order");
        }
        for (int i = 0; i < matrices.size(); i++) {
            String file = matrices.get(i).getPath().toString();
            String clsFile = labelFiles.get(i).getPath().toString();
            GctFile gct = parse(matrices.get(i).getPath(), conf, in -> GctFile.read(in, file));
            ClsFile cls = parse(labelFiles.get(i).getPath(), conf, in -> ClsFile.read(in, clsFile));
            files.add(file);
            files.add(clsFile);
            gct.problems().forEach(p -> rejects.add(Reject.of(p)));
            datasetLinesRead += gct.genes().size() + gct.problems().stream().filter(p -> !p.key().isEmpty()).count();
            String name = InputFiles.baseName(matrices.get(i).getPath());
            if (cls.labels().size() != gct.samples().size()) {
                rejects.add(new Reject(clsFile, 0, 3, name, "the CLS file has " + cls.labels().size()
                        + " labels for the " + gct.samples().size() + " samples of " + file
                        + ": dataset left out", name));
                continue;
            }
            String classA = o.classA() != null ? o.classA() : cls.classes().get(0);
            if (!cls.classes().contains(classA)) {
                throw new UsageException("--class-a " + classA + " is not a class of " + clsFile + " "
                        + cls.classes());
            }
            if (cls.classes().size() != 2) {
                rejects.add(new Reject(clsFile, 0, 2, name, "phenotype GSEA compares two classes, the file has "
                        + cls.classes().size() + " " + cls.classes() + ": dataset left out", name));
                continue;
            }
            if (gct.genes().size() < 2) {
                rejects.add(new Reject(file, 0, 0, name, "no usable gene in the matrix: dataset left out", name));
                continue;
            }
            datasetLinesUsed += gct.genes().size();
            org.biospark.geneset.PhenotypeGsea.warnings(cls.labels(), classA)
                    .forEach(w -> warnings.add(name + ": " + w));
            datasets.add(new Expression(name, file, gct.genes(), gct.values(), cls.labels(), classA));
        }
    }

    private void readGeneLists(GseaOptions o, Configuration conf) {
        for (FileStatus f : InputFiles.expand(o.genes(), conf, "gene list")) {
            String file = f.getPath().toString();
            List<String> genes = parse(f.getPath(), conf, in -> geneList(in));
            files.add(file);
            datasetLinesRead += genes.size();
            datasetLinesUsed += genes.size();
            datasets.add(new GeneList(InputFiles.baseName(f.getPath()), file, genes));
        }
        if (o.universe() != null) {
            Path path = new Path(o.universe());
            universe = parse(path, conf, GseaInputs::geneList);
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
