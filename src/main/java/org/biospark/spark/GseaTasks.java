package org.biospark.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.biospark.geneset.GseaResult;
import org.biospark.geneset.MultipleTesting;
import org.biospark.geneset.OraResult;
import org.biospark.geneset.OverRepresentation;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.PrerankedGsea;

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

    /** The nulls of permutations {@code from}.. of one dataset, {@code [group][permutation - from]}. */
    record NullBlock(int from, double[][] nulls) implements Serializable {
    }

    /** What every task shares, by broadcast: all sets keyed by collection and name, the collections, the universe. */
    record Shared(Map<String, List<String>> sets, List<GseaInputs.Collection> collections, List<String> universe)
            implements Serializable {
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
     */
    record Summary(String dataset, long lines, long used, long tested, long filtered, boolean left, long rejects,
                   List<String> warnings) implements Serializable {
    }

    /**
     * A dataset ready for the permutations: the kernel's prepared form (or the gene list, for ORA) and its
     * permutation count.
     */
    record Ready(String name, Object prepared, int permutations) implements Serializable {
    }

    private GseaTasks() {
    }

    /** A dataset's rejects (its lines; its sets, by the set filter alone: no ranking or kernel) and accounting. */
    static Checked checked(GseaInputs.Source source, GseaInputs.Read read, Shared shared, GseaOptions o) {
        List<Reject> rejects = new ArrayList<>(read.rejects());
        long[] counts = {0, 0};
        GseaInputs.DatasetInput input = read.input();
        if (input != null) {
            java.util.function.ToIntFunction<String> found;
            int size;
            if (input instanceof GseaInputs.Ranked r) {
                found = r.list()::rankOf;
                size = r.list().size();
            } else {
                java.util.Set<String> genes = new java.util.HashSet<>(input instanceof GseaInputs.Expression e
                        ? e.genes() : shared.universe());
                found = gene -> genes.contains(gene) ? 0 : -1;
                size = input instanceof GseaInputs.Expression ? genes.size() : Integer.MAX_VALUE;
            }
            counts = SetFilter.rejects(found, size, input.name(), shared.collections(), o.minSize(), o.maxSize(),
                    rejects);
        }
        return new Checked(rejects, new Summary(source.name(), read.lines(), read.used(), counts[0], counts[1],
                input == null, rejects.size(), read.warnings()));
    }

    /** A dataset read once: its rejects and accounting, and its result rows. */
    record Analysed(Checked checked, List<Row> rows) {
    }

    /** The whole of one dataset in its task: read it once, check it, prepare it, every permutation, statistics. */
    static Analysed analyse(GseaInputs.Source source, Shared shared, Settings s, GseaOptions o, HadoopConf conf) {
        GseaInputs.Read read = GseaInputs.read(source, o, conf.value());
        Checked checked = checked(source, read, shared, o);
        if (read.input() == null) {
            return new Analysed(checked, List.of());
        }
        Ready ready = ready(read.input(), shared, s, o);
        return new Analysed(checked, ready.prepared() instanceof GseaInputs.GeneList g
                ? ora(g.name(), g.genes(), shared.universe(), shared.sets(), s)
                : whole(ready.name(), ready.prepared(), ready.permutations(), s));
    }

    /** Step 1 of the kernel for any method. */
    static Ready ready(GseaInputs.DatasetInput input, Shared shared, Settings s, GseaOptions o) {
        if (input instanceof GseaInputs.Ranked r) {
            return new Ready(r.name(), PrerankedGsea.prepare(r.list(), shared.sets(), s.preranked()),
                    o.permutations());
        }
        if (input instanceof GseaInputs.Expression e) {
            PhenotypeGsea.Prepared p = PhenotypeGsea.prepare(e.genes(), e.values(), e.labels(), e.classA(),
                    shared.sets(), s.phenotype());
            return new Ready(e.name(), p, p.permutations());
        }
        return new Ready(input.name(), input, 0);
    }

    /** Step 2 of the kernel for either GSEA method. */
    static double[][] nulls(Object prepared, Settings s, int from, int to) {
        if (prepared instanceof PrerankedGsea.Prepared p) {
            return PrerankedGsea.nulls(p, s.preranked(), from, to);
        }
        return PhenotypeGsea.nulls((PhenotypeGsea.Prepared) prepared, s.phenotype(), from, to);
    }

    /** The blocks of one dataset side by side, in permutation order. */
    static double[][] join(Iterable<NullBlock> blocks, int permutations) {
        List<NullBlock> sorted = new ArrayList<>();
        blocks.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparingInt(NullBlock::from));
        int groups = sorted.get(0).nulls().length;
        double[][] joined = new double[groups][permutations];
        int at = 0;
        for (NullBlock b : sorted) {
            if (b.from() != at) {
                throw new IllegalStateException("permutation blocks do not join up at " + at + ": this is a bug");
            }
            int length = groups == 0 ? 0 : b.nulls()[0].length;
            for (int g = 0; g < groups; g++) {
                System.arraycopy(b.nulls()[g], 0, joined[g], at, length);
            }
            at += length;
        }
        if (at != permutations && groups > 0) {
            throw new IllegalStateException("permutation blocks cover " + at + " of " + permutations + ": this is a bug");
        }
        return joined;
    }

    /** Step 3 of the kernel and the result rows of one dataset. */
    static List<Row> finish(String dataset, Object prepared, double[][] nulls, Settings s) {
        if (prepared instanceof PrerankedGsea.Prepared p) {
            return rows(dataset, "preranked", PrerankedGsea.finish(p, nulls, s.preranked()));
        }
        return rows(dataset, "phenotype", PhenotypeGsea.finish((PhenotypeGsea.Prepared) prepared, nulls,
                s.phenotype()));
    }

    /**
     * A split dataset's statistics from its joined permutations, with the multilevel estimates it still needs
     * (none for phenotype GSEA, or without multilevel splitting): those are spread over tasks of their own.
     */
    static PrerankedGsea.Permuted permuted(Object prepared, double[][] nulls, Settings s) {
        if (prepared instanceof PrerankedGsea.Prepared p) {
            return PrerankedGsea.finishPermutations(p, nulls, s.preranked());
        }
        return new PrerankedGsea.Permuted(PhenotypeGsea.finish((PhenotypeGsea.Prepared) prepared, nulls,
                s.phenotype()), List.of());
    }

    /** The result rows of one dataset's GSEA. */
    static List<Row> rows(String dataset, String method, List<GseaResult> results) {
        double[] byCollection = perCollection(results.stream().map(GseaResult::name).toList(),
                results.stream().mapToDouble(GseaResult::pval).toArray());
        List<Row> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            GseaResult r = results.get(i);
            String[] cs = GseaInputs.split(r.name());
            rows.add(RowFactory.create(dataset, method, cs[0], cs[1], r.enrichment().size(), r.enrichment().es(),
                    orNull(r.nes()), r.pval(), r.padj(), byCollection[i], orNull(r.fdrQ()), orNull(r.fwer()),
                    orNull(r.log2err()), r.enrichment().rankAtMax(), seq(r.enrichment().leadingEdge()), null, null, null,
                    null));
        }
        return rows;
    }

    /** The whole of one dataset's GSEA in one task. */
    static List<Row> whole(String dataset, Object prepared, int permutations, Settings s) {
        return finish(dataset, prepared, nulls(prepared, s, 0, permutations), s);
    }

    /** ORA of one gene list. */
    static List<Row> ora(String dataset, List<String> genes, List<String> universe, Map<String, List<String>> sets,
                         Settings s) {
        List<OraResult> results = OverRepresentation.run(genes, universe, sets, s.ora()).results();
        double[] byCollection = perCollection(results.stream().map(OraResult::name).toList(),
                results.stream().mapToDouble(OraResult::pval).toArray());
        List<Row> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            OraResult r = results.get(i);
            String[] cs = GseaInputs.split(r.name());
            rows.add(RowFactory.create(dataset, "ora", cs[0], cs[1], r.size(), null, null, r.pval(), r.padj(),
                    byCollection[i], null, null, null, null, null, r.overlap(), r.expected(), orNull(r.fold()),
                    seq(r.genes())));
        }
        return rows;
    }

    /** BH within each collection (the collection is the first part of a set's key). */
    static double[] perCollection(List<String> keys, double[] p) {
        Map<String, List<Integer>> byCollection = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byCollection.computeIfAbsent(GseaInputs.split(keys.get(i))[0], c -> new ArrayList<>()).add(i);
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
