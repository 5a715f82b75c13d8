package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.geneset.RankedList;
import org.biospark.io.RankScores;
import org.biospark.spark.run.GeneSets;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.spark.run.SampleLabels;

/**
 * gsea as DataFrames: a long table of ranked lists in, the {@code gsea} table's rows out, lazy until an action, so
 * that a notebook can filter, join and write the result like any other DataFrame; the SQL table function and the
 * command's table inputs run the same. The gene sets are read when the frame is built (they are small and every
 * task needs all of them, so they travel by broadcast); the ranks are read by the tasks, a dataset grouped whole
 * into one task, its rows in table order, which breaks ties of the statistic as a file's line order does.
 */
public final class GseaFrames {
    static final String RESULT = "result";
    static final String REJECT = "reject";
    static final String SUMMARY = "summary";
    /** A dataset's accounting, as a row of the outcome. */
    static final StructType SUMMARY_SCHEMA = new StructType().add("dataset", DataTypes.StringType)
            .add("lines", DataTypes.LongType).add("used", DataTypes.LongType).add("tested", DataTypes.LongType)
            .add("filtered", DataTypes.LongType).add("left", DataTypes.BooleanType)
            .add("rejects", DataTypes.LongType)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType)).add("untested", DataTypes.StringType);
    /** What the tasks give back: per row one of a result, a reject, or a dataset's accounting. */
    static final StructType OUTCOME = new StructType().add(RESULT, GseaSchema.SCHEMA, true)
            .add(REJECT, RejectsSchema.SCHEMA, true).add(SUMMARY, SUMMARY_SCHEMA, true);

    private GseaFrames() {
    }

    /**
     * The results and the rejects of a frame-built run, with the columns of the {@code gsea} and {@code rejects}
     * tables: both lazy, both computed by each action on them (cache them to act on them more than once).
     */
    public record Frames(Dataset<Row> results, Dataset<Row> rejects) {
    }

    /**
     * Preranked GSEA of every dataset of {@code ranks} against the sets of {@code geneSets}.
     *
     * @param ranks    (dataset, gene, score) rows, or a differential-expression table, as {@code columns} name them
     * @param geneSets (collection, gene_set, gene) rows
     * @param options  the kernel's options (permutations, sizes, weight, seed, multilevel, duplicates)
     */
    public static Frames preranked(Dataset<Row> ranks, Dataset<Row> geneSets, GseaOptions options,
                                   TableColumns columns) {
        return frames(RankTables.normalise(ranks, "ranks", "ranks", columns), geneSets, null, options, columns,
                (table, shared) -> outcomes(table, shared, GseaJob.settings(options), options));
    }

    /**
     * Phenotype-permutation GSEA of every dataset of {@code expression} against the sets of {@code geneSets}.
     *
     * @param expression a wide matrix (a gene column and a column per sample) or a long table of (dataset, gene,
     *                   sample, value) rows, as {@code columns} name them ({@link ExpressionTables})
     * @param labels     (sample, class) rows, with a dataset column where the datasets' labels differ
     * @param geneSets   (collection, gene_set, gene) rows
     * @param options    the kernel's options (permutations, sizes, weight, metric, class A, seed)
     */
    public static Frames phenotype(Dataset<Row> expression, Dataset<Row> labels, Dataset<Row> geneSets,
                                   GseaOptions options, TableColumns columns) {
        SampleLabels sampleLabels = SampleLabels.of(labels, "labels", columns.dataset(), columns.sample());
        return frames(ExpressionTables.normalise(expression, "expression", "expression", columns), geneSets, null,
                options, columns, (table, shared) -> phenotypeOutcomes(table, Map.of("expression", sampleLabels), shared,
                        GseaJob.settings(options), options));
    }

    /**
     * Over-representation of every gene list of {@code genes} in the sets of {@code geneSets}.
     *
     * @param genes    (dataset, gene) rows, or a table of one list (a gene column), as {@code columns} name them
     * @param geneSets (collection, gene_set, gene) rows
     * @param universe the genes a list is drawn from; null for every gene of the sets
     * @param options  the kernel's options (sizes)
     */
    public static Frames ora(Dataset<Row> genes, Dataset<Row> geneSets, List<String> universe, GseaOptions options,
                             TableColumns columns) {
        return frames(GeneListTables.normalise(genes, "genes", "genes", columns), geneSets,
                universe == null ? null : List.copyOf(universe), options, columns, (table, shared) ->
                        GeneListTables.outcomes(table, shared, GseaJob.settings(options), options));
    }

    /**
     * Every dataset of an expression table in the common columns ({@link ExpressionTables}) analysed whole in one
     * task, with the labels of its table; rows without a dataset are rejects of their own.
     */
    static Dataset<Row> phenotypeOutcomes(Dataset<Row> expression, Map<String, SampleLabels> labels,
                                          Broadcast<GseaTasks.Shared> shared, GseaTasks.Settings settings,
                                          GseaOptions options) {
        return byDataset(expression, (dataset, rows) -> {
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            String table = all.get(0).getAs(RankTables.TABLE);
            SampleLabels l = labels.get(table);
            GseaInputs.Source source = new GseaInputs.Source(GseaMethod.PHENOTYPE, dataset, table, l.source(), 0);
            return outcome(source, ExpressionTables.read(dataset, all, l, options), dataset, shared.value(), settings,
                    options);
        });
    }

    /**
     * The outcome of every dataset of a table in the common columns, each analysed whole in one task by
     * {@code analyse}; a row without a dataset is a reject of its own (a wide matrix's row once, whatever its cells).
     */
    static Dataset<Row> byDataset(Dataset<Row> table, FlatMapGroupsFunction<String, Row, Row> analyse) {
        Dataset<Row> analysed = table.filter(functions.col(RankTables.DATASET).isNotNull())
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups(analyse, Encoders.row(OUTCOME));
        Dataset<Row> unnamed = table.filter(functions.col(RankTables.DATASET).isNull());
        if (java.util.Arrays.asList(table.columns()).contains(ExpressionTables.POSITION)) {
            unnamed = unnamed.dropDuplicates(RankTables.TABLE, RankTables.ROW); // a wide row's cells share its row
        }
        unnamed = unnamed.map((MapFunction<Row, Row>) r -> RowFactory.create(
                        null, new Reject(r.getAs(RankTables.TABLE), r.<Long>getAs(RankTables.ROW) + 1, 0,
                                String.valueOf(r.<Object>getAs(RankTables.GENE)), "no dataset in the row", null)
                                .toRow(), null), Encoders.row(OUTCOME));
        return analysed.unionByName(unnamed);
    }

    /** How a frame's datasets become outcome rows, given the broadcast sets. */
    private interface Outcomes {
        Dataset<Row> of(Dataset<Row> table, Broadcast<GseaTasks.Shared> shared);
    }

    /** The frames of a run over {@code table}: the sets read here and broadcast, the outcome split in two. */
    private static Frames frames(Dataset<Row> table, Dataset<Row> geneSets, List<String> universe,
                                 GseaOptions options, TableColumns columns, Outcomes outcomes) {
        List<GeneSets.Collection> collections = new ArrayList<>();
        List<Reject> setRejects = new ArrayList<>();
        GeneSets.fromTable(geneSets, "gene sets", "gene_sets", columns.collection(), columns.geneSet(), collections,
                setRejects);
        GseaInputs inputs = new GseaInputs(List.copyOf(collections), List.of(), List.copyOf(setRejects), List.of(),
                universe != null ? universe : GseaInputs.genesOf(collections), 0);
        SparkSession spark = table.sparkSession();
        Broadcast<GseaTasks.Shared> shared = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
                spark.sparkContext()).broadcast(GseaTasks.Shared.of(inputs));
        Dataset<Row> outcome = outcomes.of(table, shared);
        Dataset<Row> rejects = outcome.filter(functions.col(REJECT).isNotNull()).select(REJECT + ".*");
        if (!setRejects.isEmpty()) {
            rejects = spark.createDataFrame(setRejects.stream().map(Reject::toRow).toList(), RejectsSchema.SCHEMA)
                    .unionByName(rejects);
        }
        // the tables' columns, all nullable: restoring the tables' nullability would need the plan run
        return new Frames(outcome.filter(functions.col(RESULT).isNotNull()).select(RESULT + ".*"), rejects);
    }

    /**
     * Every dataset of a ranks table in the common columns ({@link RankTables}) analysed whole in one task: its
     * results, its rejects (rows, and sets the size filter left out) and its accounting; rows without a dataset
     * are rejects of their own.
     */
    static Dataset<Row> outcomes(Dataset<Row> ranks, Broadcast<GseaTasks.Shared> shared, GseaTasks.Settings settings,
                                 GseaOptions options) {
        return byDataset(ranks, (dataset, rows) -> analyse(dataset, rows, shared.value(), settings, options));
    }

    /** Executor side: one dataset's rows, in table order, read as an RNK file's lines are, and analysed. */
    static Iterator<Row> analyse(String dataset, Iterator<Row> input, GseaTasks.Shared shared,
                                 GseaTasks.Settings settings, GseaOptions options) {
        List<Row> rows = new ArrayList<>();
        input.forEachRemaining(rows::add);
        String table = rows.get(0).getString(4);
        GseaInputs.Source source = new GseaInputs.Source(GseaMethod.PRERANKED, dataset, table, null, 0);
        return outcome(source, read(source, rows, options), dataset, shared, settings, options);
    }

    /** One dataset's rows of a ranks table in the common columns, in any order, read as an RNK file's lines. */
    static Datasets.Read read(GseaInputs.Source source, List<Row> rows, GseaOptions options) {
        String dataset = source.name();
        rows.sort(Comparator.comparingLong(r -> r.getLong(5)));
        String table = rows.get(0).getString(4);
        RankScores ranked = new RankScores(options.collapseDuplicates(), "row");
        List<Reject> rejects = new ArrayList<>();
        long number = 0;
        for (Row r : rows) {
            number++;
            String gene = r.isNullAt(1) ? "" : r.getString(1);
            Double score = r.isNullAt(2) ? null : r.getDouble(2);
            if (gene.isEmpty()) {
                rejects.add(reject(table, number, "", "no gene in the row", dataset));
            } else if (score == null || score.isNaN() || score.isInfinite()) {
                rejects.add(reject(table, number, gene, "statistic '" + r.getString(3) + "' is not a finite number",
                        dataset));
            } else {
                RankScores.Problem p = ranked.add(gene, score, number);
                if (p != null) {
                    rejects.add(reject(table, p.position(), gene, p.reason(), dataset));
                }
            }
        }
        Map<String, Double> scores = ranked.scores();
        return scores.size() < 2
                ? Datasets.Read.leftOut(source, table, 0, rejects, number, "no ranked list: only " + scores.size()
                        + " of its " + number + " rows name a gene with a finite statistic")
                : Datasets.Read.of(new DatasetInput.Ranked(dataset, RankedList.of(scores)), rejects, number,
                        scores.size(), List.of());
    }

    /** A dataset read in its task, checked, analysed: its rows of the outcome. */
    static Iterator<Row> outcome(GseaInputs.Source source, Datasets.Read read, String dataset,
                                         GseaTasks.Shared shared, GseaTasks.Settings settings, GseaOptions options) {
        GseaTasks.Checked checked = GseaTasks.checked(source, read, shared, options);
        List<Row> out = new ArrayList<>();
        if (read.input() != null) {
            read.input().prepare(shared, settings).rows(shared, settings)
                    .forEach(row -> out.add(RowFactory.create(row, null, null)));
        }
        checked.rejects().forEach(j -> out.add(RowFactory.create(null, withDataset(j, dataset).toRow(), null)));
        GseaTasks.Summary s = checked.summary();
        out.add(RowFactory.create(null, null, RowFactory.create(s.dataset(), s.lines(), s.used(), s.tested(),
                s.filtered(), s.left(), s.rejects(), scala.jdk.javaapi.CollectionConverters.asScala(s.warnings())
                        .toList(), s.untested())));
        return out.iterator();
    }

    /** A dataset's accounting from its outcome row. */
    static GseaTasks.Summary summary(Row r) {
        return new GseaTasks.Summary(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                r.getBoolean(5), r.getLong(6), r.getList(7), r.isNullAt(8) ? null : r.getString(8));
    }

    /** A reject from its row. */
    static Reject reject(Row r) {
        return new Reject(r.getString(0), r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                r.isNullAt(5) ? null : r.getString(5));
    }

    private static Reject reject(String table, long row, String gene, String reason, String dataset) {
        return new Reject(table, row, 0, gene, reason, dataset);
    }

    private static Reject withDataset(Reject r, String dataset) {
        return r.dataset() != null ? r : new Reject(r.source(), r.recordNumber(), r.line(), r.id(), r.reason(),
                dataset);
    }
}
