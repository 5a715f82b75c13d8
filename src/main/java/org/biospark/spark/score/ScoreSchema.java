package org.biospark.spark.score;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.spark.run.RowLayout;

/** The Parquet table {@code scores/}, partitioned by dataset: one row per dataset, sample and gene set scored. */
public final class ScoreSchema {
    public static final String TABLE = "scores";

    public static final StructField DATASET = DataTypes.createStructField("dataset", DataTypes.StringType, false);
    public static final StructField SAMPLE = DataTypes.createStructField("sample", DataTypes.StringType, false);
    public static final StructField COLLECTION = DataTypes.createStructField("collection", DataTypes.StringType, false);
    public static final StructField GENE_SET = DataTypes.createStructField("gene_set", DataTypes.StringType, false);
    public static final StructField SCORE = DataTypes.createStructField("score", DataTypes.DoubleType, false);
    /** Genes of the set present in the dataset and usable by the method. */
    public static final StructField SIZE = DataTypes.createStructField("size", DataTypes.IntegerType, false);

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
        DATASET, SAMPLE, COLLECTION, GENE_SET, SCORE, SIZE});
    public static final RowLayout LAYOUT = RowLayout.of(SCHEMA);

    private ScoreSchema() {
    }
}
