package org.biospark.spark.gsea;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.spark.run.RowLayout;

/**
 * The Parquet table {@code gsea/}, partitioned by dataset: one row per dataset and gene set tested. GSEA rows
 * (methods preranked, phenotype) fill the enrichment columns, ORA rows the overlap columns; the others are null.
 */
public final class GseaSchema {
    public static final String TABLE = "gsea";

    public static final StructField DATASET = DataTypes.createStructField("dataset", DataTypes.StringType, false);
    public static final StructField METHOD = DataTypes.createStructField("method", DataTypes.StringType, false);
    public static final StructField COLLECTION = DataTypes.createStructField("collection", DataTypes.StringType, false);
    public static final StructField GENE_SET = DataTypes.createStructField("gene_set", DataTypes.StringType, false);
    /** Genes of the set present in the dataset (GSEA) or in the universe (ORA). */
    public static final StructField SIZE = DataTypes.createStructField("size", DataTypes.IntegerType, false);
    public static final StructField ES = DataTypes.createStructField("es", DataTypes.DoubleType, true);
    public static final StructField NES = DataTypes.createStructField("nes", DataTypes.DoubleType, true);
    public static final StructField PVAL = DataTypes.createStructField("pval", DataTypes.DoubleType, false);
    /** Benjamini-Hochberg over all sets of the dataset. */
    public static final StructField PADJ = DataTypes.createStructField("padj", DataTypes.DoubleType, false);
    /** Benjamini-Hochberg over the sets of the dataset from the same collection. */
    public static final StructField PADJ_COLLECTION = DataTypes.createStructField("padj_collection",
            DataTypes.DoubleType, false);
    public static final StructField FDR_Q = DataTypes.createStructField("fdr_q", DataTypes.DoubleType, true);
    public static final StructField FWER = DataTypes.createStructField("fwer", DataTypes.DoubleType, true);
    /** The standard deviation of log2(pval). */
    public static final StructField LOG2ERR = DataTypes.createStructField("log2err", DataTypes.DoubleType, true);
    public static final StructField RANK_AT_MAX = DataTypes.createStructField("rank_at_max", DataTypes.IntegerType,
            true);
    public static final StructField LEADING_EDGE = DataTypes.createStructField("leading_edge",
            DataTypes.createArrayType(DataTypes.StringType, false), true);
    public static final StructField OVERLAP = DataTypes.createStructField("overlap", DataTypes.IntegerType, true);
    public static final StructField EXPECTED = DataTypes.createStructField("expected", DataTypes.DoubleType, true);
    public static final StructField FOLD_ENRICHMENT = DataTypes.createStructField("fold_enrichment",
            DataTypes.DoubleType, true);
    public static final StructField OVERLAP_GENES = DataTypes.createStructField("overlap_genes",
            DataTypes.createArrayType(DataTypes.StringType, false), true);

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
        DATASET, METHOD, COLLECTION, GENE_SET, SIZE, ES, NES, PVAL, PADJ, PADJ_COLLECTION, FDR_Q, FWER, LOG2ERR,
        RANK_AT_MAX, LEADING_EDGE, OVERLAP, EXPECTED, FOLD_ENRICHMENT, OVERLAP_GENES});
    /** Builds the table's rows. */
    public static final RowLayout LAYOUT = RowLayout.of(SCHEMA);

    private GseaSchema() {
    }
}
