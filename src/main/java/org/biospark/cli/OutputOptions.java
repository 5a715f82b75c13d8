package org.biospark.cli;

import picocli.CommandLine.Option;

/** The output options every job shares. */
final class OutputOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (local path or Hadoop URI): Parquet tables and _manifest.json.")
    String out;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists and is not empty.")
    boolean overwrite;
}
