package org.biospark.spark.score;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.spark.run.RowLayout;

/**
 * The Parquet table {@code differences/}, written when class labels are given: per dataset and gene set, Welch's
 * t-test of the scores of class A against those of class B, and Benjamini-Hochberg over the dataset's sets.
 */
public final class DifferenceSchema {
    public static final String TABLE = "differences";

    public static final StructField DATASET = DataTypes.createStructField("dataset", DataTypes.StringType, false);
    public static final StructField COLLECTION = DataTypes.createStructField("collection", DataTypes.StringType, false);
    public static final StructField GENE_SET = DataTypes.createStructField("gene_set", DataTypes.StringType, false);
    public static final StructField SIZE = DataTypes.createStructField("size", DataTypes.IntegerType, false);
    public static final StructField CLASS_A = DataTypes.createStructField("class_a", DataTypes.StringType, false);
    /** The other class, or "rest" when class A is tested against all the others. */
    public static final StructField CLASS_B = DataTypes.createStructField("class_b", DataTypes.StringType, false);
    public static final StructField N_A = DataTypes.createStructField("n_a", DataTypes.IntegerType, false);
    public static final StructField N_B = DataTypes.createStructField("n_b", DataTypes.IntegerType, false);
    public static final StructField MEAN_A = DataTypes.createStructField("mean_a", DataTypes.DoubleType, false);
    public static final StructField MEAN_B = DataTypes.createStructField("mean_b", DataTypes.DoubleType, false);
    /** mean_a - mean_b. */
    public static final StructField DIFFERENCE = DataTypes.createStructField("difference", DataTypes.DoubleType,
            false);
    /** Null where both classes' scores are constant. */
    public static final StructField T = DataTypes.createStructField("t", DataTypes.DoubleType, true);
    public static final StructField DF = DataTypes.createStructField("df", DataTypes.DoubleType, true);
    public static final StructField PVAL = DataTypes.createStructField("pval", DataTypes.DoubleType, true);
    public static final StructField PADJ = DataTypes.createStructField("padj", DataTypes.DoubleType, true);

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
        DATASET, COLLECTION, GENE_SET, SIZE, CLASS_A, CLASS_B, N_A, N_B, MEAN_A, MEAN_B, DIFFERENCE, T, DF, PVAL,
        PADJ});
    public static final RowLayout LAYOUT = RowLayout.of(SCHEMA);

    private DifferenceSchema() {
    }
}
