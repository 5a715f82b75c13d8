package org.biospark.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.FunctionTableSubqueryArgumentExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.biospark.BiosparkVersion;
import org.biospark.align.AlignmentMode;
import org.biospark.spark.align.AlignFrames;
import org.biospark.spark.align.AlignOptions;
import org.biospark.spark.gsea.GseaFrames;
import org.biospark.spark.gsea.GseaOptions;
import org.biospark.spark.gsea.TableColumns;

import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The jobs as SQL table functions, registered with the scalar functions by {@link BiosparkExtensions}: a query
 * passes its tables with {@code TABLE(...)}, as to Spark's own table functions, and gets the rows the command
 * writes, as a relation it can filter, join and insert like any other.
 */
final class TableFunctions {
    private TableFunctions() {
    }

    static void register(SparkSessionExtensions extensions) {
        ExpressionInfo info = new ExpressionInfo(TableFunctions.class.getName(), null, "gsea_preranked",
                "_FUNC_(TABLE(ranks), TABLE(gene_sets)[, permutations[, seed[, min_size, max_size]]]) - Preranked"
                        + " GSEA of every dataset of a long (dataset, gene, score) table against a (collection,"
                        + " gene_set, gene) table: the rows of the gsea command's table.",
                "\n    Arguments:\n"
                        + "      * ranks - a table or query of (dataset, gene, score) rows; without a dataset column"
                        + " it is one dataset\n"
                        + "      * gene_sets - a table or query of (collection, gene_set, gene) rows\n"
                        + "      * permutations - per dataset (default 1000)\n"
                        + "      * seed - the random seed (default 42): the same rows at any parallelism\n"
                        + "      * min_size, max_size - the set sizes tested, counting genes in the dataset"
                        + " (default 15, 500)\n  ",
                "\n    Examples:\n"
                        + "      > SELECT dataset, gene_set, nes, padj FROM _FUNC_(TABLE(ranks), TABLE(sets), 1000,"
                        + " 42) WHERE padj < 0.05;\n  ",
                "", "table_funcs", BiosparkVersion.version(), "", "java_udf");
        extensions.injectTableFunction(new Tuple3<>(FunctionIdentifier.apply("gsea_preranked"), info,
                new GseaBuilder()));
        ExpressionInfo phenotypeInfo = new ExpressionInfo(TableFunctions.class.getName(), null, "gsea_phenotype",
                "_FUNC_(TABLE(expression), TABLE(labels), TABLE(gene_sets)[, permutations[, seed[, min_size,"
                        + " max_size]]]) - Phenotype-permutation GSEA (signal-to-noise) of every dataset of an"
                        + " expression table against a (collection, gene_set, gene) table: the rows of the gsea"
                        + " command's table.",
                "\n    Arguments:\n"
                        + "      * expression - a wide table (a gene column and a column per sample) or a long"
                        + " one of (dataset, gene, sample, value) rows\n"
                        + "      * labels - a table of (sample, class) rows, with a dataset column where the"
                        + " datasets' labels differ; class A is the first class in sorted order\n"
                        + "      * gene_sets - a table or query of (collection, gene_set, gene) rows\n"
                        + "      * permutations, seed, min_size, max_size - as for gsea_preranked\n  ",
                "\n    Examples:\n"
                        + "      > SELECT dataset, gene_set, nes, padj FROM _FUNC_(TABLE(cells), TABLE(labels),"
                        + " TABLE(sets), 1000, 42);\n  ",
                "", "table_funcs", BiosparkVersion.version(), "", "java_udf");
        extensions.injectTableFunction(new Tuple3<>(FunctionIdentifier.apply("gsea_phenotype"), phenotypeInfo,
                new PhenotypeBuilder()));
        ExpressionInfo oraInfo = new ExpressionInfo(TableFunctions.class.getName(), null, "gsea_ora",
                "_FUNC_(TABLE(genes), TABLE(gene_sets)[, TABLE(universe)][, min_size, max_size]) -"
                        + " Over-representation (hypergeometric) of every gene list of a (dataset, gene) table in"
                        + " the sets of a (collection, gene_set, gene) table: the rows of the gsea command's table.",
                "\n    Arguments:\n"
                        + "      * genes - a table or query of (dataset, gene) rows; without a dataset column it is"
                        + " one list\n"
                        + "      * gene_sets - a table or query of (collection, gene_set, gene) rows\n"
                        + "      * universe - a table of the genes (a gene column) the lists are drawn from"
                        + " (default: every gene of the sets)\n"
                        + "      * min_size, max_size - the set sizes tested, counting genes in the universe"
                        + " (default 15, 500)\n  ",
                "\n    Examples:\n"
                        + "      > SELECT dataset, gene_set, overlap, padj FROM _FUNC_(TABLE(hits), TABLE(sets),"
                        + " TABLE(measured)) WHERE padj < 0.05;\n  ",
                "", "table_funcs", BiosparkVersion.version(), "", "java_udf");
        extensions.injectTableFunction(new Tuple3<>(FunctionIdentifier.apply("gsea_ora"), oraInfo,
                new OraBuilder()));
        ExpressionInfo alignInfo = new ExpressionInfo(TableFunctions.class.getName(), null, "align_all",
                "_FUNC_(TABLE(queries), TABLE(references)[, mode[, top_k[, min_score[, traceback]]]]) - Every"
                        + " query against every reference: the rows of the align command's alignments table, with"
                        + " its checks (rows it rejects give no rows here) and the alphabet's default scoring.",
                "\n    Arguments:\n"
                        + "      * queries - a table or query of (id, sequence[, quality]) rows; ADAM's read schema"
                        + " (readName, sequence, qualityScores) works as it is. Its partitions are the tasks:"
                        + " repartition a table of few files to use every core\n"
                        + "      * references - a table or query of (id, sequence) rows, read by the driver\n"
                        + "      * mode - 'global' (default), 'semi-global' or 'local'\n"
                        + "      * top_k - the best targets kept per query (default 0: every pair)\n"
                        + "      * min_score - the lowest score kept (default: none)\n"
                        + "      * traceback - true adds the CIGAR, coordinates and identity (default false)\n  ",
                "\n    Examples:\n"
                        + "      > SELECT query_id, target_id, score FROM _FUNC_(TABLE(reads), TABLE(refs), 'local',"
                        + " 1);\n  ",
                "", "table_funcs", BiosparkVersion.version(), "", "java_udf");
        extensions.injectTableFunction(new Tuple3<>(FunctionIdentifier.apply("align_all"), alignInfo,
                new AlignBuilder()));
    }

    /** Builds the relation of {@code align_all} from its arguments. */
    private static final class AlignBuilder extends AbstractFunction1<Seq<Expression>, LogicalPlan> {
        @Override
        public LogicalPlan apply(Seq<Expression> arguments) {
            List<Expression> args = new ArrayList<>(CollectionConverters.asJava(arguments));
            String usage = "align_all takes (TABLE(queries), TABLE(references)[, mode[, top_k[, min_score[,"
                    + " traceback]]]])";
            if (args.size() < 2 || args.size() > 6) {
                throw new IllegalArgumentException(usage + ", not " + args.size() + " arguments");
            }
            SparkSession spark = SparkSession.active();
            Dataset<Row> queries = table(spark, args.get(0), "queries", usage);
            Dataset<Row> references = table(spark, args.get(1), "references", usage);
            AlignOptions.Builder options = AlignOptions.frames("queries", "references");
            if (args.size() > 2) {
                options.mode(AlignmentMode.named(constant(args.get(2), String.class, "align_all", "mode")));
            }
            if (args.size() > 3) {
                options.topK(Math.toIntExact(whole(args.get(3), "align_all", "top_k")));
            }
            if (args.size() > 4 && constant(args.get(4), Object.class, "align_all", "min_score") != null) {
                options.minScore(Math.toIntExact(whole(args.get(4), "align_all", "min_score")));
            }
            if (args.size() > 5) {
                options.traceback(constant(args.get(5), Boolean.class, "align_all", "traceback"));
            }
            return plan(AlignFrames.align(queries, references, options.build()).results());
        }
    }

    /** Builds the relation of {@code gsea_preranked} from its arguments. */
    private static final class GseaBuilder extends AbstractFunction1<Seq<Expression>, LogicalPlan> {
        @Override
        public LogicalPlan apply(Seq<Expression> arguments) {
            List<Expression> args = new ArrayList<>(CollectionConverters.asJava(arguments));
            String usage = "gsea_preranked takes (TABLE(ranks), TABLE(gene_sets)[, permutations[, seed[, min_size,"
                    + " max_size]]])";
            if (args.size() < 2 || args.size() > 6 || args.size() == 5) {
                throw new IllegalArgumentException(usage + ", not " + args.size() + " arguments");
            }
            SparkSession spark = SparkSession.active();
            Dataset<Row> ranks = table(spark, args.get(0), "ranks", usage);
            Dataset<Row> sets = table(spark, args.get(1), "gene_sets", usage);
            GseaOptions options = gseaOptions(args.subList(2, args.size()), "gsea_preranked");
            return plan(GseaFrames.preranked(ranks, sets, options, TableColumns.DEFAULT).results());
        }
    }

    /** Builds the relation of {@code gsea_phenotype} from its arguments. */
    private static final class PhenotypeBuilder extends AbstractFunction1<Seq<Expression>, LogicalPlan> {
        @Override
        public LogicalPlan apply(Seq<Expression> arguments) {
            List<Expression> args = new ArrayList<>(CollectionConverters.asJava(arguments));
            String usage = "gsea_phenotype takes (TABLE(expression), TABLE(labels), TABLE(gene_sets)[, permutations[,"
                    + " seed[, min_size, max_size]]])";
            if (args.size() < 3 || args.size() > 7 || args.size() == 6) {
                throw new IllegalArgumentException(usage + ", not " + args.size() + " arguments");
            }
            SparkSession spark = SparkSession.active();
            Dataset<Row> expression = table(spark, args.get(0), "expression", usage);
            Dataset<Row> labels = table(spark, args.get(1), "labels", usage);
            Dataset<Row> sets = table(spark, args.get(2), "gene_sets", usage);
            GseaOptions options = gseaOptions(args.subList(3, args.size()), "gsea_phenotype");
            return plan(GseaFrames.phenotype(expression, labels, sets, options, TableColumns.DEFAULT).results());
        }
    }

    /** Builds the relation of {@code gsea_ora} from its arguments. */
    private static final class OraBuilder extends AbstractFunction1<Seq<Expression>, LogicalPlan> {
        @Override
        public LogicalPlan apply(Seq<Expression> arguments) {
            List<Expression> args = new ArrayList<>(CollectionConverters.asJava(arguments));
            String usage = "gsea_ora takes (TABLE(genes), TABLE(gene_sets)[, TABLE(universe)][, min_size, max_size])";
            boolean universe = args.size() > 2 && args.get(2) instanceof FunctionTableSubqueryArgumentExpression;
            int sizes = args.size() - 2 - (universe ? 1 : 0);
            if (args.size() < 2 || (sizes != 0 && sizes != 2)) {
                throw new IllegalArgumentException(usage + ", not " + args.size() + " arguments");
            }
            SparkSession spark = SparkSession.active();
            Dataset<Row> genes = table(spark, args.get(0), "genes", usage);
            Dataset<Row> sets = table(spark, args.get(1), "gene_sets", usage);
            List<String> drawnFrom = null;
            if (universe) {
                Dataset<Row> u = table(spark, args.get(2), "universe", usage);
                org.biospark.spark.run.Tables.require(u, "universe", "gene", "give the universe as a gene column");
                drawnFrom = u.selectExpr("trim(CAST(gene AS STRING))").where("length(trim(CAST(gene AS STRING))) > 0")
                        .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            }
            GseaOptions.Builder options = GseaOptions.builder(List.of(), null);
            if (sizes == 2) {
                int first = args.size() - 2;
                options.sizes(Math.toIntExact(whole(args.get(first), "gsea_ora", "min_size")),
                        Math.toIntExact(whole(args.get(first + 1), "gsea_ora", "max_size")));
            }
            return plan(GseaFrames.ora(genes, sets, drawnFrom, options.build(), TableColumns.DEFAULT).results());
        }
    }

    /** A GSEA function's trailing [permutations[, seed[, min_size, max_size]]]. */
    private static GseaOptions gseaOptions(List<Expression> args, String function) {
        int permutations = !args.isEmpty() ? Math.toIntExact(whole(args.get(0), function, "permutations")) : 1000;
        long seed = args.size() > 1 ? whole(args.get(1), function, "seed") : 42;
        int min = args.size() > 2 ? Math.toIntExact(whole(args.get(2), function, "min_size")) : 15;
        int max = args.size() > 3 ? Math.toIntExact(whole(args.get(3), function, "max_size")) : 500;
        return GseaOptions.builder(List.of(), null).permutations(permutations).seed(seed).sizes(min, max).build();
    }

    private static LogicalPlan plan(Dataset<Row> results) {
        return ((org.apache.spark.sql.classic.Dataset<Row>) results).logicalPlan();
    }

    private static Dataset<Row> table(SparkSession spark, Expression e, String name, String usage) {
        if (!(e instanceof FunctionTableSubqueryArgumentExpression t)) {
            throw new IllegalArgumentException(usage + ": the " + name + " argument must be TABLE(...), not "
                    + e.sql());
        }
        return org.apache.spark.sql.classic.Dataset.ofRows((org.apache.spark.sql.classic.SparkSession) spark,
                t.plan());
    }

    private static long whole(Expression e, String function, String name) {
        Object value = e.foldable() ? e.eval(null) : null;
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(function + ": " + name + " must be a whole number constant, not "
                    + e.sql());
        }
        return n.longValue();
    }

    /** A constant argument of {@code type} (a string, a boolean; null as given). */
    private static <T> T constant(Expression e, Class<T> type, String function, String name) {
        Object value = e.foldable() ? e.eval(null) : null;
        if (value instanceof org.apache.spark.unsafe.types.UTF8String text) {
            value = text.toString();
        }
        if (e.foldable() && value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(function + ": " + name + " must be a constant "
                    + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ", not " + e.sql());
        }
        return type.cast(value);
    }
}
