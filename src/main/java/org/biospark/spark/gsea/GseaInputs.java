package org.biospark.spark.gsea;

import java.io.Serializable;
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
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.GeneSets.Collection;
import org.biospark.spark.run.GeneSets;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Reject;

/**
 * The inputs of a {@code gsea} run as the driver knows them before any dataset is read: the collections (read
 * here: a few megabytes of gene sets), the datasets' files (listed; their tasks read them, see {@link Datasets}),
 * the ORA universe, and the rejects of the gene-set files' bad lines. A file that cannot be read as its format at
 * all is an {@link InvalidInputException} (exit code 3, file and line).
 *
 * @param collections  the GMT files, in the order given
 * @param sources      the datasets, in the order given
 * @param rejects      the bad lines of the gene-set files
 * @param files        every input file, for the manifest
 * @param universe     the ORA universe (the genes of the collections unless one is given); empty for GSEA
 * @param geneSetLines the gene-set inputs' records: a GMT file's sets and bad lines, a table's rows
 */
record GseaInputs(List<Collection> collections, List<Source> sources, List<Reject> rejects, List<String> files,
                  List<String> universe, long geneSetLines) {
    /**
     * Where one dataset comes from: its file (and, in phenotype mode, its CLS file), and that file's size, which
     * stands for the dataset's cost when datasets are grouped into tasks.
     */
    record Source(GseaMethod method, String name, String file, String labels, long bytes) implements Serializable {
    }

    /** The collections (read here, on the driver) and the dataset files (listed, read later by the tasks). */
    static GseaInputs open(GseaOptions o, GseaMethod method, Configuration conf) {
        List<Reject> rejects = new ArrayList<>();
        List<String> files = new ArrayList<>();
        long[] setRecords = new long[1];
        List<Collection> collections = readCollections(o, conf, rejects, files, setRecords);
        List<Source> sources = new ArrayList<>();
        List<String> universe = List.of();
        switch (method) {
            case PRERANKED -> {
                if (RankTables.given(o, conf)) {
                    files.addAll(o.ranks()); // read by Spark as tables, see GseaFrames
                } else {
                    InputFiles.expand(o.ranks(), conf, "ranked list").forEach(f -> sources.add(new Source(method,
                            InputFiles.baseName(f.getPath()), f.getPath().toString(), null, f.getLen())));
                }
            }
            case PHENOTYPE -> {
                if (ExpressionTables.given(o, conf)) {
                    // read by Spark as tables, the labels on the driver (see TableDatasets)
                    boolean oneTable = o.labels().size() == 1 && ExpressionTables.labelTables(o, conf);
                    if (o.labels().size() != o.expression().size() && !oneTable) {
                        throw new UsageException(o.expression().size() + " expression tables but "
                                + o.labels().size() + " --labels: give one CLS file or labels table for each"
                                + " --expression table, in the same order, or one labels table for all");
                    }
                    files.addAll(o.expression());
                    files.addAll(o.labels());
                    break;
                }
                List<FileStatus> matrices = InputFiles.expand(o.expression(), conf, "expression");
                List<FileStatus> labelFiles = InputFiles.expand(o.labels(), conf, "labels (CLS)");
                if (matrices.size() != labelFiles.size()) {
                    throw new UsageException(matrices.size() + " expression files but " + labelFiles.size()
                            + " CLS files: give one --labels file for each --expression file, in the same order");
                }
                for (int i = 0; i < matrices.size(); i++) {
                    Source source = new Source(method, InputFiles.baseName(matrices.get(i).getPath()),
                            matrices.get(i).getPath().toString(), labelFiles.get(i).getPath().toString(),
                            matrices.get(i).getLen());
                    Labels.check(source, o.classA(), conf);
                    sources.add(source);
                }
            }
            case ORA -> {
                if (GeneListTables.given(o, conf)) {
                    files.addAll(o.genes()); // read by Spark as tables, see GeneListTables
                } else {
                    InputFiles.expand(o.genes(), conf, "gene list").forEach(f -> sources.add(
                            new Source(method, InputFiles.baseName(f.getPath()), f.getPath().toString(), null,
                                    f.getLen())));
                }
                universe = universe(o, collections, conf, files);
            }
            default -> throw new IllegalStateException("no inputs for " + method);
        }
        Set<String> names = new HashSet<>();
        for (Source d : sources) {
            if (!names.add(d.name())) {
                throw new UsageException("two datasets are named " + d.name() + " (a dataset is named after its file);"
                        + " rename one of the files");
            }
            files.add(d.file());
            if (d.labels() != null) {
                files.add(d.labels());
            }
        }
        long geneSetLines = setRecords[0];
        return new GseaInputs(List.copyOf(collections), List.copyOf(sources), List.copyOf(rejects),
                List.copyOf(files), universe, geneSetLines);
    }

    private static List<Collection> readCollections(GseaOptions o, Configuration conf, List<Reject> rejects,
                                                    List<String> files, long[] records) {
        TableColumns c = o.tables();
        GeneSets.Read read = GeneSets.read(o.geneSets(), c.format(), c.collection(), c.geneSet(), conf);
        rejects.addAll(read.rejects());
        files.addAll(read.files());
        records[0] += read.records();
        return read.collections();
    }

    private static List<String> universe(GseaOptions o, List<Collection> collections, Configuration conf,
                                         List<String> files) {
        if (o.universe() != null) {
            List<String> universe = InputFiles.parse(new Path(o.universe()), conf, Datasets::geneList);
            files.add(o.universe());
            if (universe.isEmpty()) {
                throw new InvalidInputException(o.universe(), "the universe file lists no gene");
            }
            return List.copyOf(universe);
        }
        return genesOf(collections);
    }

    /** Every gene of the collections, once each, in order: the default ORA universe. */
    static List<String> genesOf(List<Collection> collections) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        collections.forEach(c -> c.sets().values().forEach(all::addAll));
        return List.copyOf(all);
    }

    /** Every set of every collection, by key, in order. */
    Map<GeneSetKey, List<String>> allSets() {
        Map<GeneSetKey, List<String>> all = new LinkedHashMap<>();
        for (Collection c : collections) {
            c.sets().forEach((name, genes) -> all.put(new GeneSetKey(c.name(), name), genes));
        }
        return all;
    }
}
