package org.biospark.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.biospark.geneset.RankingMetric;
import org.biospark.spark.SparkSessions;
import org.biospark.spark.gsea.GseaCounts;
import org.biospark.spark.gsea.GseaJob;
import org.biospark.spark.gsea.GseaMethod;
import org.biospark.spark.gsea.GseaOptions;
import org.biospark.spark.gsea.GseaRunResult;
import org.biospark.spark.gsea.RankBy;
import org.biospark.spark.gsea.TableColumns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code biospark gsea}: many datasets x many gene-set collections, one Parquet table. */
@Command(name = "gsea", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Gene-set enrichment of many datasets against many gene-set collections:",
            "preranked GSEA (--ranks), phenotype-permutation GSEA (--expression + --labels) or",
            "over-representation (--genes). ES, NES, p, BH, FDR q, FWER, leading edges, as fgsea and GSEA desktop."})
final class GseaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gene-sets", required = true, arity = "1..*", paramLabel = "GMT",
            description = "GMT files or directories (the collection is the file name), or tables of (collection,"
                    + " gene_set, gene) rows: Parquet, ORC, CSV, Delta.")
    List<String> geneSets;

    @Option(names = "--ranks", arity = "1..*", paramLabel = "RNK",
            description = "Ranked lists (gene, statistic) or directories of them, one dataset per file; or tables"
                    + " (Parquet, ORC, CSV, TSV with --format, Delta) of (dataset, gene, score) rows holding any"
                    + " number of datasets, or a DESeq2, limma or edgeR result table (see --rank-by).")
    List<String> ranks;

    @Option(names = "--expression", arity = "1..*", paramLabel = "GCT",
            description = "Expression matrices, GCT or TSV with a header: one dataset per file; or tables (Parquet,"
                    + " ORC, CSV, Delta), wide (a gene column and a column per sample) or long ((gene, sample,"
                    + " value) rows, with a dataset column for any number of datasets).")
    List<String> expression;

    @Option(names = "--labels", arity = "1..*", paramLabel = "CLS",
            description = "CLS sample labels, one per --expression input, in the same order (a table's samples in"
                    + " the order they first appear: its columns, or its rows); or tables of (sample, class) rows,"
                    + " with a dataset column where datasets differ: one per --expression input, or one for all.")
    List<String> labels;

    @Option(names = "--genes", arity = "1..*", paramLabel = "LIST",
            description = "Gene lists for over-representation, one gene a line: one dataset per file; or tables"
                    + " (Parquet, ORC, CSV, Delta) of (dataset, gene) rows holding any number of lists.")
    List<String> genes;

    @Option(names = "--universe", paramLabel = "LIST",
            description = "ORA universe, one gene a line (default: every gene of the gene-set collections).")
    String universe;

    @Option(names = "--method", paramLabel = "preranked|phenotype|ora",
            description = "Default: from the kind of dataset given.")
    GseaMethod method;

    @Option(names = "--permutations", defaultValue = "1000", paramLabel = "N",
            description = "Permutations per dataset (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--multilevel",
            description = "Preranked: p-values below 1/permutations by multilevel splitting (as fgsea), down to 1e-50.")
    boolean multilevel;

    @Option(names = "--min-size", defaultValue = "15", paramLabel = "N",
            description = "Smallest set tested, counting its genes in the dataset (default: ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--max-size", defaultValue = "500", paramLabel = "N",
            description = "Largest set tested (default: ${DEFAULT-VALUE}).")
    int maxSize;

    @Option(names = "--weight", defaultValue = "1", paramLabel = "P",
            description = "Exponent of the running sum's weights |statistic|^P: 0 classic, 1 GSEA (default), 2.")
    double weight;

    @Option(names = "--metric", defaultValue = "signal2noise", paramLabel = "NAME",
            description = "Phenotype ranking: signal2noise (default), ttest, diff_of_means, ratio_of_means, "
                    + "log2_ratio_of_means.")
    RankingMetric metric;

    @Option(names = "--class-a", paramLabel = "CLASS",
            description = "Phenotype: the class ranked first (default: the first class of each CLS file).")
    String classA;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Random seed; the same seed gives the same numbers at any parallelism (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--collapse-duplicates",
            description = "A gene listed twice in an RNK keeps its largest |statistic| (default: later lines rejected).")
    boolean collapseDuplicates;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Tasks (default: about 3 per core).")
    int partitions;

    @Option(names = "--score-column", paramLabel = "NAME",
            description = "Ranks table: the statistic's column for --rank-by column (default: score).")
    String scoreColumn;

    @Option(names = "--rank-by", paramLabel = "column|deseq2|deseq2-p|limma|edger",
            description = "The statistic: column (--score-column, the default), deseq2 (stat), deseq2-p"
                    + " (sign(log2FoldChange) x -log10(pvalue)), limma (t), edger (sign(logFC) x -log10(PValue)).")
    RankBy rankBy;

    @Mixin
    TableOptions tables;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        GseaOptions options = GseaOptions.builder(geneSets, output.directory()).overwrite(output.overwrite)
                .resume(output.resume()).ranks(ranks)
                .expression(expression, labels).genes(genes, universe).method(method).permutations(permutations)
                .multilevel(multilevel).sizes(minSize, maxSize).weight(weight).metric(metric).seed(seed)
                .collapseDuplicates(collapseDuplicates).classA(classA).partitions(partitions)
                .tables(new TableColumns(tables.format, tables.datasetColumn, tables.geneColumn, scoreColumn, rankBy,
                        tables.collectionColumn, tables.setColumn, tables.sampleColumn, tables.valueColumn)).build();
        GseaRunResult result = GseaJob.run(SparkSessions.getOrCreate("biospark gsea"), options);
        print(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.OK;
    }

    static void print(GseaRunResult result, PrintWriter out, PrintWriter err) {
        GseaCounts c = result.counts();
        result.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        out.printf("datasets: %d; gene sets: %d in %d collections%n", c.datasets(), c.geneSets(), c.collections());
        out.printf("tested: %d (dataset, set) pairs; %d left out by the size filter%n", c.setsTested(),
                c.setsFiltered());
        out.printf("results: %d rows in %s/gsea (rejects: %d rows in %s/rejects)%n", c.gsea(),
                result.outputDirectory(), c.rejects(), result.outputDirectory());
        out.flush();
    }
}
