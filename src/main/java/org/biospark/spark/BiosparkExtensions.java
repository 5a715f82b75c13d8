package org.biospark.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.biospark.BiosparkVersion;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Scoring;
import org.biospark.spark.align.PairFunctions;

import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * biospark's SQL functions, for any session started with {@code spark.sql.extensions=} this class (spark-sql,
 * spark-shell, PySpark, a Thrift server, Zeppelin): {@code align_score}, {@code align} and
 * {@code reverse_complement}, and the table functions {@code gsea_preranked}, {@code gsea_phenotype},
 * {@code gsea_ora} and {@code align_all} ({@link TableFunctions}), each documented in {@code DESCRIBE FUNCTION EXTENDED}. The options after the two
 * sequences must be constants: the scoring is built once, when the query is planned, not per row.
 */
public final class BiosparkExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
    private static final String PAIR_ARGUMENTS = "\n    Arguments:\n"
            + "      * query, target - the two sequences, as strings (null gives null)\n"
            + "      * mode - 'global' (the default), 'semiglobal' or 'local'\n"
            + "      * scoring - 'dna' (the default: match 1, mismatch -2), 'protein' (BLOSUM62), 'dna(m, x)' or\n"
            + "          'protein(m, x)' for a match and a mismatch score, or a matrix name (BLOSUM45/50/62/80/90,\n"
            + "          PAM30/70/250, NUC.4.4, ...)\n"
            + "      * gap_open, gap_extend - the cost of a gap's first and of each further residue (defaults:\n"
            + "          5, 2 for DNA; 11, 1 for protein)\n  ";

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectFunction(function("align_score",
                "_FUNC_(query, target[, mode[, scoring[, gap_open, gap_extend]]]) - The optimal alignment score of"
                        + " the pair, as the align command computes it.",
                PAIR_ARGUMENTS, "\n    Examples:\n"
                        + "      > SELECT _FUNC_('ACGTACGT', 'ACGTTACGT');\n       3\n"
                        + "      > SELECT _FUNC_('HEAGAWGHEE', 'PAWHEAE', 'local', 'BLOSUM50', 12, 2);\n       24\n  ",
                (name, args) -> {
                    PairOptions o = PairOptions.of(name, args);
                    return udf(name, new PairFunctions.Score(o.scoring(), o.mode()), DataTypes.IntegerType,
                            o.sequences());
                }));
        extensions.injectFunction(function("align",
                "_FUNC_(query, target[, mode[, scoring[, gap_open, gap_extend]]]) - The optimal alignment of the"
                        + " pair: struct<score, identity, similarity, cigar, query_start, query_end, target_start,"
                        + " target_end>, as in the align command's tables (1-based coordinates, = X I D in the"
                        + " CIGAR).",
                PAIR_ARGUMENTS, "\n    Examples:\n"
                        + "      > SELECT _FUNC_('ACGTACGT', 'ACGTTACGT').cigar;\n       3=1D5=\n  ",
                (name, args) -> {
                    PairOptions o = PairOptions.of(name, args);
                    return udf(name, new PairFunctions.Align(o.scoring(), o.mode()), PairFunctions.ALIGNMENT,
                            o.sequences());
                }));
        extensions.injectFunction(function("reverse_complement",
                "_FUNC_(sequence) - The reverse complement of a DNA or RNA sequence (IUPAC codes complemented,"
                        + " case kept, other characters kept as they are).",
                "\n    Arguments:\n      * sequence - a string (null gives null)\n  ",
                "\n    Examples:\n      > SELECT _FUNC_('AACGTTN');\n       NAACGTT\n  ",
                (name, args) -> {
                    if (args.size() != 1) {
                        throw new IllegalArgumentException(name + " takes one sequence, not " + args.size()
                                + " arguments");
                    }
                    return udf(name, new PairFunctions.Complement(), DataTypes.StringType,
                            List.of(sequence(name, "sequence", args.get(0))));
                }));
        TableFunctions.register(extensions);
        return BoxedUnit.UNIT;
    }

    /** Builds a function's expression from its name and its argument expressions. */
    private interface Builder {
        Expression build(String name, List<Expression> args);
    }

    private static Tuple3<FunctionIdentifier, ExpressionInfo, scala.Function1<Seq<Expression>, Expression>> function(
            String name, String usage, String arguments, String examples, Builder builder) {
        ExpressionInfo info = new ExpressionInfo(BiosparkExtensions.class.getName(), null, name, usage, arguments,
                examples, "", "misc_funcs", BiosparkVersion.version(), "", "java_udf");
        return new Tuple3<>(FunctionIdentifier.apply(name), info, new Build(name, builder));
    }

    /** The registry's builder: the argument expressions to the function's expression. */
    private static final class Build extends AbstractFunction1<Seq<Expression>, Expression> {
        private final String name;
        private final Builder builder;

        Build(String name, Builder builder) {
            this.name = name;
            this.builder = builder;
        }

        @Override
        public Expression apply(Seq<Expression> args) {
            return builder.build(name, new ArrayList<>(CollectionConverters.asJava(args)));
        }
    }

    /** A call of the kernels on the rows' sequences, the options already bound. */
    private static ScalaUDF udf(String name, Object function, DataType type, List<Expression> children) {
        Seq<Expression> args = CollectionConverters.asScala(children).toList();
        Seq<Option<ExpressionEncoder<?>>> encoders = scala.collection.immutable.List$.MODULE$.empty();
        return new ScalaUDF(function, type, args, encoders, Option.empty(), Option.apply(name), true, true);
    }

    /** A sequence argument: a string column or value. */
    static Expression sequence(String function, String argument, Expression e) {
        if (!(e.dataType() instanceof StringType) && !e.dataType().equals(DataTypes.NullType)) {
            throw new IllegalArgumentException(function + ": the " + argument + " must be a string, not "
                    + e.dataType().simpleString().toUpperCase(Locale.ROOT) + " (" + e.sql() + ")");
        }
        return e;
    }

    /** The options of a pair function, which must be constants. */
    record PairOptions(List<Expression> sequences, AlignmentMode mode, Scoring scoring) {
        static PairOptions of(String name, List<Expression> args) {
            if (args.size() < 2 || args.size() > 6) {
                throw new IllegalArgumentException(name + " takes (query, target[, mode[, scoring[, gap_open,"
                        + " gap_extend]]]), not " + args.size() + " arguments");
            }
            List<Expression> sequences = List.of(sequence(name, "query", args.get(0)),
                    sequence(name, "target", args.get(1)));
            String mode = args.size() > 2 ? constant(name, "mode", args.get(2), String.class) : "global";
            String scoring = args.size() > 3 ? constant(name, "scoring", args.get(3), String.class) : null;
            Integer open = args.size() > 4 ? constant(name, "gap_open", args.get(4), Integer.class) : null;
            Integer extend = args.size() > 5 ? constant(name, "gap_extend", args.get(5), Integer.class) : null;
            try {
                return new PairOptions(sequences, AlignmentMode.named(mode), PairFunctions.scoring(scoring, open,
                        extend));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }

        private static <T> T constant(String function, String argument, Expression e, Class<T> type) {
            if (!e.foldable()) {
                throw new IllegalArgumentException(function + ": the " + argument + " must be a constant, not "
                        + e.sql());
            }
            Object value = e.eval(null);
            if (value == null) {
                throw new IllegalArgumentException(function + ": the " + argument + " must not be null");
            }
            if (type == String.class) {
                return type.cast(value.toString());
            }
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return type.cast(n.intValue());
            }
            throw new IllegalArgumentException(function + ": the " + argument + " must be a whole number, not "
                    + e.sql());
        }
    }
}
