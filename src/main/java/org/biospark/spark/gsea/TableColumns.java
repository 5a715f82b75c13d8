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
 * @param sample     a long expression table's sample column (an expression table without it is wide: a column
 *                   per sample)
 * @param value      a long expression table's value column
 */
public record TableColumns(String format, String dataset, String gene, String score, RankBy rankBy,
                           String collection, String geneSet, String sample, String value) implements Serializable {
    /** Long tables of (dataset, gene, score), (dataset, gene, sample, value) and (collection, gene_set, gene). */
    public static final TableColumns DEFAULT = new TableColumns(null, null, "gene", "score", RankBy.COLUMN, null,
            "gene_set", "sample", "value");

    public TableColumns {
        gene = gene == null ? "gene" : gene;
        score = score == null ? "score" : score;
        rankBy = rankBy == null ? RankBy.COLUMN : rankBy;
        geneSet = geneSet == null ? "gene_set" : geneSet;
        sample = sample == null ? "sample" : sample;
        value = value == null ? "value" : value;
    }

    /** The columns of ranks and gene-set tables; expression tables' by their usual names. */
    public TableColumns(String format, String dataset, String gene, String score, RankBy rankBy, String collection,
                        String geneSet) {
        this(format, dataset, gene, score, rankBy, collection, geneSet, null, null);
    }

    /** Whether any table option was given, which makes a {@code .tsv} ranks file a table rather than an RNK. */
    boolean given() {
        return !equals(DEFAULT);
    }
}
