package org.biospark.spark.gsea;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.biospark.geneset.GseaResult;
import org.biospark.geneset.MultipleTesting;
import org.biospark.geneset.OraResult;
import org.biospark.geneset.OverRepresentation;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.spark.run.GeneSets;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.Reject;

/**
 * What the executors run for {@code gsea}: static functions of small serializable values (the kernel's prepared
 * datasets arrive by broadcast), never of the job or command objects.
 */
final class GseaTasks {
    /**
     * The kernel options of a run.
     *
     * @param preranked preranked GSEA's
     * @param phenotype phenotype GSEA's
     * @param ora       ORA's
     */
    record Settings(PrerankedGsea.Options preranked, PhenotypeGsea.Options phenotype, OverRepresentation.Options ora)
            implements Serializable {
    }

    /** Permutations {@code from} to {@code to} of one dataset. */
    record Unit(int dataset, int from, int to) implements Serializable {
    }

    /** The nulls of permutations {@code from} to {@code to} of one dataset, {@code [group][permutation - from]}. */
    record NullBlock(int from, int to, double[][] nulls) implements Serializable {
    }

    /**
     * What every task shares, by broadcast: all sets by key, the collections, every gene of the sets (in the sets'
     * order) and the ORA universe (empty for GSEA).
     */
    record Shared(Map<GeneSetKey, List<String>> sets, List<GeneSets.Collection> collections, Set<String> genes,
                  Set<String> universe) implements Serializable {
        static Shared of(GseaInputs inputs) {
            Map<GeneSetKey, List<String>> sets = inputs.allSets();
            Set<String> genes = new LinkedHashSet<>();
            sets.values().forEach(genes::addAll);
            return new Shared(sets, inputs.collections(), genes, new LinkedHashSet<>(inputs.universe()));
        }
    }

    /** A dataset checked: its rejects (lines, sets) and its accounting. */
    record Checked(List<Reject> rejects, Summary summary) implements Serializable {
    }

    /**
     * The accounting of one dataset.
     *
     * @param lines    data lines read
     * @param used     lines that became part of the dataset
     * @param tested   sets tested
     * @param filtered sets left out by the size filter
     * @param left     whether the whole dataset was left out
     * @param rejects  its rejects (lines and sets)
     * @param warnings what the user should know about the data
     * @param untested why nothing of the dataset was tested, or null when something was
     */
    record Summary(String dataset, long lines, long used, long tested, long filtered, boolean left, long rejects,
                   List<String> warnings, String untested) implements Serializable {
    }

    /** A dataset read once: its rejects and accounting, and its result rows. */
    record Analysed(Checked checked, List<Row> rows) {
    }

    private GseaTasks() {
    }

    /**
     * A dataset's rejects (its lines; its sets, by the set filter alone: no ranking or kernel) and accounting, and
     * what the user should know: why nothing was tested, or that few of its genes are in the sets.
     */
    static Checked checked(GseaInputs.Source source, Datasets.Read read, Shared shared, GseaOptions o) {
        List<Reject> rejects = new ArrayList<>(read.rejects());
        List<String> warnings = new ArrayList<>(read.warnings());
        DatasetInput input = read.input();
        if (input == null) {
            return new Checked(rejects, new Summary(source.name(), read.lines(), read.used(), 0, 0, true,
                    rejects.size(), warnings, read.leftOut()));
        }
        SetFilter.Outcome sets = SetFilter.rejects(input.finder(shared), input.size(shared), input.name(),
                shared.collections(), o.minSize(), o.maxSize(), rejects);
        GeneMatching matching = GeneMatching.of(input.genes(), input.against(shared));
        String untested = null;
        if (sets.tested() == 0) {
            untested = matching.matched() == 0 ? "no gene matched: " + matching.describe()
                    : "no set left after the size filter: " + sets.whyNone(o.minSize(), o.maxSize());
        } else if (matching.few()) {
            warnings.add(input.name() + ": few genes match: " + matching.describe());
        }
        if (untested != null) {
            rejects.add(new Reject(source.file(), 0, 0, input.name(), "nothing tested: " + untested, input.name()));
        }
        return new Checked(rejects, new Summary(source.name(), read.lines(), read.used(), sets.tested(),
                sets.dropped(), false, rejects.size(), warnings, untested));
    }

    /** The whole of one dataset in its task: read it once, check it, prepare it, every permutation, statistics. */
    static Analysed analyse(GseaInputs.Source source, Shared shared, Settings s, GseaOptions o, HadoopConf conf) {
        Datasets.Read read = Datasets.read(source, o, conf.value());
        Checked checked = checked(source, read, shared, o);
        if (read.input() == null) {
            return new Analysed(checked, List.of());
        }
        return new Analysed(checked, read.input().prepare(shared, s).rows(shared, s));
    }

    /** The blocks of one dataset side by side, in permutation order. */
    static double[][] join(Iterable<NullBlock> blocks, int permutations) {
        List<NullBlock> sorted = new ArrayList<>();
        blocks.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(NullBlock::from));
        int groups = sorted.get(0).nulls().length;
        double[][] joined = new double[groups][permutations];
        int at = 0;
        for (NullBlock b : sorted) {
            if (b.from() != at) {
                throw new IllegalStateException("permutation blocks do not join up at " + at);
            }
            for (int g = 0; g < groups; g++) {
                System.arraycopy(b.nulls()[g], 0, joined[g], at, b.to() - b.from());
            }
            at = b.to();
        }
        if (at != permutations) {
            throw new IllegalStateException("permutation blocks cover " + at + " of " + permutations);
        }
        return joined;
    }

    /** The result rows of one dataset's GSEA. */
    static List<Row> rows(String dataset, GseaMethod method, List<GseaResult<GeneSetKey>> results) {
        double[] byCollection = perCollection(results.stream().map(GseaResult::name).toList(),
                results.stream().mapToDouble(GseaResult::pval).toArray());
        List<Row> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            GseaResult<GeneSetKey> r = results.get(i);
            rows.add(row(dataset, method, r.name(), r.enrichment().size(), r.pval(), r.padj(), byCollection[i])
                    .set(GseaSchema.ES, r.enrichment().es()).set(GseaSchema.NES, orNull(r.nes()))
                    .set(GseaSchema.FDR_Q, orNull(r.fdrQ())).set(GseaSchema.FWER, orNull(r.fwer()))
                    .set(GseaSchema.LOG2ERR, orNull(r.log2err()))
                    .set(GseaSchema.RANK_AT_MAX, r.enrichment().rankAtMax())
                    .set(GseaSchema.LEADING_EDGE, seq(r.enrichment().leadingEdge())).build());
        }
        return rows;
    }

    /** The result rows of one gene list's ORA. */
    static List<Row> oraRows(String dataset, List<OraResult<GeneSetKey>> results) {
        double[] byCollection = perCollection(results.stream().map(OraResult::name).toList(),
                results.stream().mapToDouble(OraResult::pval).toArray());
        List<Row> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            OraResult<GeneSetKey> r = results.get(i);
            rows.add(row(dataset, GseaMethod.ORA, r.name(), r.size(), r.pval(), r.padj(), byCollection[i])
                    .set(GseaSchema.OVERLAP, r.overlap()).set(GseaSchema.EXPECTED, r.expected())
                    .set(GseaSchema.FOLD_ENRICHMENT, orNull(r.fold())).set(GseaSchema.OVERLAP_GENES, seq(r.genes()))
                    .build());
        }
        return rows;
    }

    /** The columns every method fills. */
    private static org.biospark.spark.run.RowLayout.Builder row(String dataset, GseaMethod method, GeneSetKey set,
                                                                int size, double pval, double padj,
                                                                double padjCollection) {
        return GseaSchema.LAYOUT.row().set(GseaSchema.DATASET, dataset).set(GseaSchema.METHOD, method.label())
                .set(GseaSchema.COLLECTION, set.collection()).set(GseaSchema.GENE_SET, set.name())
                .set(GseaSchema.SIZE, size).set(GseaSchema.PVAL, pval).set(GseaSchema.PADJ, padj)
                .set(GseaSchema.PADJ_COLLECTION, padjCollection);
    }

    /** BH within each collection. */
    static double[] perCollection(List<GeneSetKey> keys, double[] p) {
        Map<String, List<Integer>> byCollection = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byCollection.computeIfAbsent(keys.get(i).collection(), c -> new ArrayList<>()).add(i);
        }
        double[] adjusted = new double[p.length];
        for (List<Integer> members : byCollection.values()) {
            double[] sub = members.stream().mapToDouble(i -> p[i]).toArray();
            double[] adj = MultipleTesting.benjaminiHochberg(sub);
            for (int k = 0; k < members.size(); k++) {
                adjusted[members.get(k)] = adj[k];
            }
        }
        return adjusted;
    }

    /** A list as Spark's row encoder wants an array column's value. */
    private static scala.collection.immutable.Seq<String> seq(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
