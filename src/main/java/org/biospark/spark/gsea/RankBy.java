package org.biospark.spark.gsea;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.biospark.Choice;

/**
 * How a ranked list's statistic is taken from a table: one column as it is, or the statistic that a
 * differential-expression tool's result table implies, with that tool's column names.
 */
public enum RankBy implements Choice {
    /** The score column as it is ({@code --score-column}, default {@code score}). */
    COLUMN("column", List.of()),
    /** DESeq2's Wald statistic {@code stat}. */
    DESEQ2("deseq2", List.of("stat")),
    /** DESeq2: sign(log2FoldChange) x -log10(pvalue), for results without {@code stat} (LRT, lfcShrink). */
    DESEQ2_P("deseq2-p", List.of("log2FoldChange", "pvalue")),
    /** limma topTable's moderated t. */
    LIMMA("limma", List.of("t")),
    /** edgeR topTags: sign(logFC) x -log10(PValue). */
    EDGER("edger", List.of("logFC", "PValue"));

    private final String label;
    private final List<String> columns;

    RankBy(String label, List<String> columns) {
        this.label = label;
        this.columns = columns;
    }

    @Override
    public String label() {
        return label;
    }

    /** The columns the statistic is computed from ({@code score} for {@link #COLUMN}). */
    List<String> columns(String score) {
        return this == COLUMN ? List.of(score) : columns;
    }

    /** The statistic, as a double (null where a value is missing or not a number). */
    Column statistic(String score) {
        List<String> c = columns(score);
        if (c.size() == 1) {
            return functions.col(c.get(0)).try_cast("double");
        }
        Column sign = functions.signum(functions.col(c.get(0)).try_cast("double"));
        return sign.multiply(functions.log10(functions.col(c.get(1)).try_cast("double")).multiply(-1.0));
    }

    /** The values the statistic is computed from, as text, for a reject's reason. */
    Column text(String score) {
        List<String> c = columns(score);
        if (c.size() == 1) {
            return functions.coalesce(functions.col(c.get(0)).cast("string"), functions.lit("null"));
        }
        return functions.concat(functions.lit(c.get(0) + "="),
                functions.coalesce(functions.col(c.get(0)).cast("string"), functions.lit("null")),
                functions.lit(", " + c.get(1) + "="),
                functions.coalesce(functions.col(c.get(1)).cast("string"), functions.lit("null")));
    }
}
