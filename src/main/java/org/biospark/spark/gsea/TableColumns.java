package org.biospark.spark.gsea;

import java.io.Serializable;

/**
 * How {@code gsea} reads its inputs when they are tables rather than RNK and GMT files.
 *
 * @param format     the tables' format (null: by extension, see {@link org.biospark.spark.run.Tables})
 * @param dataset    the ranks' dataset column (null: {@code dataset} when the table has it, else the table is one
 *                   dataset named after it)
 * @param gene       the ranks' gene column
 * @param score      the ranks' statistic column, for {@link RankBy#COLUMN}
 * @param rankBy     how the statistic is taken: one column, or a differential-expression tool's
 * @param collection the gene-set table's collection column (null: {@code collection} when the table has it, else
 *                   the table is one collection named after it)
 * @param geneSet    the gene-set table's set column
 */
public record TableColumns(String format, String dataset, String gene, String score, RankBy rankBy,
                           String collection, String geneSet) implements Serializable {
    /** Long tables of (dataset, gene, score) and (collection, gene_set, gene). */
    public static final TableColumns DEFAULT = new TableColumns(null, null, "gene", "score", RankBy.COLUMN, null,
            "gene_set");

    public TableColumns {
        gene = gene == null ? "gene" : gene;
        score = score == null ? "score" : score;
        rankBy = rankBy == null ? RankBy.COLUMN : rankBy;
        geneSet = geneSet == null ? "gene_set" : geneSet;
    }

    /** Whether any table option was given, which makes a {@code .tsv} ranks file a table rather than an RNK. */
    boolean given() {
        return !equals(DEFAULT);
    }
}
