package org.biospark.spark.sumrange;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.spark.run.RowLayout;

/** The Parquet table {@code sumrange/}: one row per partition of the range. */
public final class SumRangeSchema {
    /** Name of the table inside the output directory. */
    public static final String TABLE = "sumrange";

    /** Exact integers up to 38 digits: a partial sum of a range within +/-10^15 needs at most 31. */
    public static final DecimalType EXACT_INTEGER = DataTypes.createDecimalType(38, 0);

    public static final StructField PARTITION = DataTypes.createStructField("partition", DataTypes.IntegerType, false);
    public static final StructField RANGE_FROM = DataTypes.createStructField("range_from", DataTypes.LongType, false);
    public static final StructField RANGE_TO = DataTypes.createStructField("range_to", DataTypes.LongType, false);
    public static final StructField PARTIAL_SUM = DataTypes.createStructField("partial_sum", EXACT_INTEGER, false);
    public static final StructField SECONDS = DataTypes.createStructField("seconds", DataTypes.DoubleType, false);
    public static final StructField EXECUTOR_ID = DataTypes.createStructField("executor_id", DataTypes.StringType, false);
    public static final StructField HOST = DataTypes.createStructField("host", DataTypes.StringType, false);

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
        PARTITION, RANGE_FROM, RANGE_TO, PARTIAL_SUM, SECONDS, EXECUTOR_ID, HOST});
    /** Builds the table's rows. */
    public static final RowLayout LAYOUT = RowLayout.of(SCHEMA);

    private SumRangeSchema() {
    }
}
