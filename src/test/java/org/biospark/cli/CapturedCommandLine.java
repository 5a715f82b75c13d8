package org.biospark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** The command line run in the tests' JVM, as a user's shell would run it, its output kept for the assertions. */
final class CapturedCommandLine {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code args} and returns the exit code; the output of the runs before is forgotten. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = BiosparkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Reports {@code e} as the command line reports what a command threw; returns the exit code. */
    int report(Exception e) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = BiosparkCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return new ErrorReporter().handleExecutionException(e, commandLine, null);
    }

    /** What the last run printed to standard output. */
    String out() {
        return out.toString();
    }

    /** What the last run printed to standard error. */
    String err() {
        return err.toString();
    }
}
