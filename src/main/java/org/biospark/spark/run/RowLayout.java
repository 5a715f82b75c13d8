package org.biospark.spark.run;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the rows of a table from its schema's named fields rather than by position, so that a row cannot put a
 * value into the wrong column when the schema changes. A schema class holds one layout per schema; a layout is
 * never shipped to executors (tasks use the one of their own JVM).
 */
public final class RowLayout {
    private final StructType schema;
    private final Map<String, Integer> positions = new HashMap<>();

    private RowLayout(StructType schema) {
        this.schema = schema;
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            positions.put(fields[i].name(), i);
        }
    }

    public static RowLayout of(StructType schema) {
        return new RowLayout(schema);
    }

    /** The schema the rows follow. */
    public StructType schema() {
        return schema;
    }

    /** A new row, every column null until set. */
    public Builder row() {
        return new Builder();
    }

    /** One row being filled in, column by column. */
    public final class Builder {
        private final Object[] values = new Object[schema.size()];

        private Builder() {
        }

        /** Sets {@code field}'s column, which must be one of the schema's. */
        public Builder set(StructField field, Object value) {
            Integer at = positions.get(field.name());
            if (at == null) {
                throw new IllegalArgumentException("the schema has no column " + field.name() + ": "
                        + schema.simpleString());
            }
            values[at] = value;
            return this;
        }

        /** The row; a column the schema does not allow to be null must have been set. */
        public Row build() {
            StructField[] fields = schema.fields();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null && !fields[i].nullable()) {
                    throw new IllegalStateException("column " + fields[i].name() + " is not nullable and was not set");
                }
            }
            return RowFactory.create(values);
        }
    }
}
