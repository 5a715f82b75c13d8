package org.biospark;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A closed choice of an option (a mode, an alphabet, a method, a metric), spelled on the command line, in the
 * manifest and in notebooks by its {@link #label()}. Enums implement it, so that a value is parsed once where it
 * enters and travels typed from there.
 */
public interface Choice {
    /** How users spell it: lower case, as the command line takes it and the manifest records it. */
    String label();

    /**
     * The constant of {@code type} that {@code value} names: its label, ignoring case, with '-' and '_' alike.
     *
     * @param option the option's name for the message, such as {@code --metric}
     * @throws UsageException naming the choices when none matches
     */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String value, String option) {
        String wanted = normal(value);
        for (E constant : type.getEnumConstants()) {
            if (normal(constant.label()).equals(wanted) || normal(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        throw new UsageException(option + " must be " + labels(type) + ", not '" + value + "'");
    }

    /** The labels of {@code type}'s constants, as "a, b or c". */
    static <E extends Enum<E> & Choice> String labels(Class<E> type) {
        String[] labels = Arrays.stream(type.getEnumConstants()).map(Choice::label).toArray(String[]::new);
        if (labels.length == 1) {
            return labels[0];
        }
        return Arrays.stream(labels, 0, labels.length - 1).collect(Collectors.joining(", ")) + " or "
                + labels[labels.length - 1];
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
