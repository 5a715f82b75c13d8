package org.biospark.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The output options every job shares: where the results go, or the interrupted run to continue. */
final class OutputOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists and is not empty.")
    boolean overwrite;

    /** Exactly one of the two: a new run's directory, or the interrupted run's. */
    static final class Target {
        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Output directory (local path or Hadoop URI): Parquet tables and _manifest.json.")
        String out;

        @Option(names = "--resume", required = true, paramLabel = "DIR",
                description = "Continue the run on DIR whose driver died, with the same options and inputs: the "
                        + "work it committed is reused, the rest is done, the rows are those of a whole run.")
        String resume;
    }

    /** The output directory. */
    String directory() {
        return target.out != null ? target.out : target.resume;
    }

    /** Whether the run continues an interrupted one. */
    boolean resume() {
        return target.resume != null;
    }
}
