package org.biospark.cli;

import org.biospark.Choice;
import org.biospark.UsageException;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Alphabet;
import org.biospark.geneset.RankingMetric;
import org.biospark.spark.gsea.GseaMethod;
import org.biospark.spark.gsea.RankBy;
import org.biospark.spark.sumrange.SumRangeEngine;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses the closed choices of the command line into their types where they enter, by the labels users write
 * ({@code semiglobal}, {@code signal2noise}), so that a wrong value is a usage error naming the choices.
 */
final class ChoiceConverters {
    private ChoiceConverters() {
    }

    /** Registers a converter for every choice type on {@code commandLine} and its subcommands. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(AlignmentMode.class, value -> {
            try {
                return AlignmentMode.named(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not global, semiglobal or local");
            }
        });
        commandLine.registerConverter(Alphabet.class, of(Alphabet.class));
        commandLine.registerConverter(RankingMetric.class, of(RankingMetric.class));
        commandLine.registerConverter(GseaMethod.class, of(GseaMethod.class));
        commandLine.registerConverter(RankBy.class, of(RankBy.class));
        commandLine.registerConverter(SumRangeEngine.class, of(SumRangeEngine.class));
        commandLine.registerConverter(SqlCommand.Format.class, of(SqlCommand.Format.class));
    }

    private static <E extends Enum<E> & Choice> ITypeConverter<E> of(Class<E> type) {
        return value -> {
            try {
                return Choice.parse(type, value, "the value");
            } catch (UsageException e) {
                throw new TypeConversionException("'" + value + "' is not " + Choice.labels(type));
            }
        };
    }
}
