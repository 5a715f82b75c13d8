package org.biospark.spark.run;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounting of one run, as a record of a job's own: records read, used and rejected, rows per table. The
 * manifest's {@code counts} object names each component in snake case ({@code queriesAligned} is
 * {@code queries_aligned}), in declaration order, so that scripts and notebooks reading the JSON see one stable
 * name per figure while Java callers get typed fields.
 */
public interface RunCounts {
    /** The counts as the manifest names them, in declaration order. */
    default Map<String, Long> asMap() {
        if (!getClass().isRecord()) {
            throw new IllegalStateException(getClass().getName() + " must be a record");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RecordComponent component : getClass().getRecordComponents()) {
            Object value;
            try {
                component.getAccessor().setAccessible(true);
                value = component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + this, e);
            }
            if (!(value instanceof Long || value instanceof Integer)) {
                throw new IllegalStateException(component.getName() + " of " + getClass().getName()
                        + " is not a whole number");
            }
            counts.put(snakeCase(component.getName()), ((Number) value).longValue());
        }
        return counts;
    }

    /** {@code queryFilesInflated} as {@code query_files_inflated}. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
