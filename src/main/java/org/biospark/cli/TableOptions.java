package org.biospark.cli;

import picocli.CommandLine.Option;

/** How a command reads the inputs that are tables rather than files of a text format: their format and columns. */
final class TableOptions {
    @Option(names = "--format", paramLabel = "parquet|orc|csv|tsv|delta",
            description = "The format of the input tables (default: by extension; a directory by its part files,"
                    + " Delta by its _delta_log; a .tsv is a text file of the command's own format unless a"
                    + " column option is given).")
    String format;

    @Option(names = "--dataset-column", paramLabel = "NAME",
            description = "Tables of datasets (ranks, expression, gene lists, labels): the dataset column"
                    + " (default: dataset if present, else the table is one dataset named after it).")
    String datasetColumn;

    @Option(names = "--gene-column", paramLabel = "NAME",
            description = "Ranks, expression and gene-list tables: the gene column (default: gene).")
    String geneColumn;

    @Option(names = "--sample-column", paramLabel = "NAME",
            description = "Long expression tables and labels tables: the sample column (default: sample; an"
                    + " expression table without it is wide).")
    String sampleColumn;

    @Option(names = "--value-column", paramLabel = "NAME",
            description = "Long expression tables: the value column (default: value).")
    String valueColumn;

    @Option(names = "--collection-column", paramLabel = "NAME",
            description = "Gene-set tables: the collection column (default: collection if present, else the table"
                    + " is one collection named after it).")
    String collectionColumn;

    @Option(names = "--set-column", paramLabel = "NAME",
            description = "Gene-set tables: the set column (default: gene_set).")
    String setColumn;
}
