package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.Choice;
import org.biospark.geneset.PhenotypeRanking;
import org.biospark.geneset.RankedList;
import org.biospark.geneset.RankingMetric;
import org.biospark.geneset.RunningSum;
import org.biospark.spark.run.SampleLabels;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running sums of chosen sets of a finished gsea run, for its enrichment plots: the run's inputs, as its
 * manifest records them, read again with the run's own readers and options, so that a plot shows the ranked list
 * the run tested. Recomputed rather than stored by the run, since a run's results would otherwise grow by a ranked
 * list per dataset, and any set of the run can be drawn, not only those chosen when it ran.
 */
public final class EnrichmentCurves {
    private EnrichmentCurves() {
    }

    /** A dataset's ranked list (its metric, rank by rank) and the running sums of the sets asked for. */
    public record Curves(String dataset, double[] metric, Map<GeneSetKey, RunningSum> sums) {
    }

    /** The options of a run from its manifest's parameters (without an output directory). */
    public static GseaOptions options(JsonNode p) {
        GseaOptions.Builder b = GseaOptions.builder(strings(p.path("gene_sets")), null)
                .permutations(p.path("permutations").asInt(1000)).multilevel(p.path("multilevel").asBoolean())
                .sizes(p.path("min_size").asInt(15), p.path("max_size").asInt(500))
                .weight(p.path("weight").asDouble(1)).seed(p.path("seed").asLong(42))
                .collapseDuplicates(p.path("collapse_duplicates").asBoolean())
                .method(Choice.parse(GseaMethod.class, p.path("method").asText("preranked"), "method"))
                .metric(Choice.parse(RankingMetric.class, p.path("metric").asText("signal2noise"), "metric"));
        b.classA(text(p, "class_a"));
        b.ranks(strings(p.path("ranks"))).expression(strings(p.path("expression")), strings(p.path("labels")));
        if (!strings(p.path("genes")).isEmpty()) {
            b.genes(strings(p.path("genes")), p.path("universe").isTextual() ? p.path("universe").asText() : null);
        }
        JsonNode t = p.path("tables");
        if (t.isObject()) {
            b.tables(new TableColumns(text(t, "format"), text(t, "dataset"), text(t, "gene"), text(t, "score"),
                    Choice.parse(RankBy.class, t.path("rank_by").asText("column"), "rank_by"), text(t, "collection"),
                    text(t, "gene_set"), text(t, "sample"), text(t, "value")));
        }
        return b.build();
    }

    /**
     * The curves of {@code wanted} sets of each dataset named, read from the run's inputs; a dataset or a set the
     * inputs no longer hold is left out.
     */
    public static Map<String, Curves> of(SparkSession spark, GseaOptions o, Map<String, List<GeneSetKey>> wanted) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        GseaMethod method = GseaJob.method(o);
        if (method == GseaMethod.ORA) {
            return Map.of();
        }
        GseaInputs inputs = GseaInputs.open(o, method, conf);
        Map<GeneSetKey, List<String>> sets = inputs.allSets();
        Map<String, Datasets.Read> reads = new LinkedHashMap<>();
        if (inputs.sources().isEmpty()) {
            tables(spark, o, conf, wanted.keySet(), reads);
        } else {
            for (GseaInputs.Source s : inputs.sources()) {
                if (wanted.containsKey(s.name())) {
                    reads.put(s.name(), Datasets.read(s, o, conf));
                }
            }
        }
        Map<String, Curves> curves = new LinkedHashMap<>();
        reads.forEach((dataset, read) -> {
            RankedList list = ranked(read.input(), o);
            if (list == null) {
                return;
            }
            Map<GeneSetKey, RunningSum> sums = new LinkedHashMap<>();
            for (GeneSetKey key : wanted.get(dataset)) {
                List<String> genes = sets.get(key);
                if (genes != null && list.positions(genes).length > 0) {
                    sums.put(key, RunningSum.of(list, genes, method == GseaMethod.PHENOTYPE ? 1 : o.weight()));
                }
            }
            double[] metric = new double[list.size()];
            for (int r = 0; r < metric.length; r++) {
                metric[r] = list.score(r);
            }
            curves.put(dataset, new Curves(dataset, metric, sums));
        });
        return curves;
    }

    /** The wanted datasets of table inputs, their rows collected here (a plot's datasets are few). */
    private static void tables(SparkSession spark, GseaOptions o, Configuration conf, Set<String> datasets,
                               Map<String, Datasets.Read> reads) {
        boolean phenotype = GseaJob.method(o) == GseaMethod.PHENOTYPE;
        org.apache.spark.sql.Dataset<Row> table = phenotype ? ExpressionTables.read(spark, o, conf)
                : RankTables.read(spark, o, conf);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (Row r : table.filter(functions.col(RankTables.DATASET).isin(datasets.toArray())).collectAsList()) {
            rows.computeIfAbsent(r.getString(0), d -> new ArrayList<>()).add(r);
        }
        Map<String, SampleLabels> labels = phenotype ? TableDatasets.labels(spark, o, conf) : Map.of();
        rows.forEach((dataset, all) -> {
            String source = all.get(0).getAs(RankTables.TABLE);
            if (phenotype) {
                reads.put(dataset, ExpressionTables.read(dataset, all, labels.get(source), o));
            } else {
                reads.put(dataset, GseaFrames.read(new GseaInputs.Source(GseaMethod.PRERANKED, dataset, source,
                        null, 0), all, o));
            }
        });
    }

    private static RankedList ranked(DatasetInput input, GseaOptions o) {
        if (input instanceof DatasetInput.Ranked r) {
            return r.list();
        }
        if (input instanceof DatasetInput.Expression e) {
            return PhenotypeRanking.rank(e.genes(), e.values(), e.labels(), e.classA(), o.metric());
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }
}
