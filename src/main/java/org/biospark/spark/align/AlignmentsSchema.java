package org.biospark.spark.align;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.spark.run.RowLayout;

/** The Parquet table {@code alignments/}: one row per query, target and strand that passed the filters. */
public final class AlignmentsSchema {
    public static final String TABLE = "alignments";

    public static final StructField QUERY_ID = DataTypes.createStructField("query_id", DataTypes.StringType, false);
    public static final StructField QUERY_LEN = DataTypes.createStructField("query_len", DataTypes.IntegerType, false);
    public static final StructField TARGET_ID = DataTypes.createStructField("target_id", DataTypes.StringType, false);
    public static final StructField TARGET_LEN = DataTypes.createStructField("target_len", DataTypes.IntegerType, false);
    public static final StructField STRAND = DataTypes.createStructField("strand", DataTypes.StringType, false);
    public static final StructField SCORE = DataTypes.createStructField("score", DataTypes.IntegerType, false);
    public static final StructField IDENTITY = DataTypes.createStructField("identity", DataTypes.DoubleType, true);
    public static final StructField SIMILARITY = DataTypes.createStructField("similarity", DataTypes.DoubleType, true);
    public static final StructField CIGAR = DataTypes.createStructField("cigar", DataTypes.StringType, true);
    public static final StructField QUERY_START = DataTypes.createStructField("query_start", DataTypes.IntegerType, true);
    public static final StructField QUERY_END = DataTypes.createStructField("query_end", DataTypes.IntegerType, true);
    public static final StructField TARGET_START = DataTypes.createStructField("target_start", DataTypes.IntegerType, true);
    public static final StructField TARGET_END = DataTypes.createStructField("target_end", DataTypes.IntegerType, true);

    /** Without {@code --traceback}. */
    public static final StructType SCORES = DataTypes.createStructType(new StructField[] {
        QUERY_ID, QUERY_LEN, TARGET_ID, TARGET_LEN, STRAND, SCORE});

    /** With {@code --traceback}: the alignment's path and where it lies, 1-based inclusive coordinates. */
    public static final StructType WITH_TRACEBACK = DataTypes.createStructType(new StructField[] {
        QUERY_ID, QUERY_LEN, TARGET_ID, TARGET_LEN, STRAND, SCORE, IDENTITY, SIMILARITY, CIGAR,
        QUERY_START, QUERY_END, TARGET_START, TARGET_END});

    /** Builds the rows of either schema. */
    public static final RowLayout SCORES_LAYOUT = RowLayout.of(SCORES);
    public static final RowLayout WITH_TRACEBACK_LAYOUT = RowLayout.of(WITH_TRACEBACK);

    private AlignmentsSchema() {
    }

    /** The table's schema: with or without the traceback's columns. */
    public static StructType of(boolean traceback) {
        return traceback ? WITH_TRACEBACK : SCORES;
    }

    /** The layout of {@link #of}'s schema. */
    public static RowLayout layout(boolean traceback) {
        return traceback ? WITH_TRACEBACK_LAYOUT : SCORES_LAYOUT;
    }
}
