package org.biospark.spark.run;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet table {@code rejects/}: every input record that was not used, with the reason: a line or sequence
 * record of an input file ({@code line} and {@code record_number} locate it, 0 when not applicable), or in
 * {@code gsea} a gene set left out of one dataset's analysis.
 */
public final class RejectsSchema {
    public static final String TABLE = "rejects";

    public static final StructField SOURCE = DataTypes.createStructField("source", DataTypes.StringType, false);
    public static final StructField RECORD_NUMBER = DataTypes.createStructField("record_number", DataTypes.LongType, false);
    public static final StructField LINE = DataTypes.createStructField("line", DataTypes.LongType, false);
    public static final StructField ID = DataTypes.createStructField("id", DataTypes.StringType, false);
    public static final StructField REASON = DataTypes.createStructField("reason", DataTypes.StringType, false);
    /** {@code gsea}: the dataset a set was dropped from (null for a bad line of a file, and in {@code align}). */
    public static final StructField DATASET = DataTypes.createStructField("dataset", DataTypes.StringType, true);

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
        SOURCE, RECORD_NUMBER, LINE, ID, REASON, DATASET});
    /** Builds the table's rows. */
    public static final RowLayout LAYOUT = RowLayout.of(SCHEMA);

    private RejectsSchema() {
    }
}
