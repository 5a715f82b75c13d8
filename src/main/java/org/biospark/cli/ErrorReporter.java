package org.biospark.cli;

import org.biospark.UsageException;
import org.biospark.io.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into a message and an exit code: a user's mistake gets one line that says
 * what is wrong (exit 2 or 3), anything else is a bug and gets its stack trace (exit 1).
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable cause = userError(ex);
        if (cause instanceof UsageException) {
            commandLine.getErr().println("biospark: " + cause.getMessage());
            commandLine.getErr().println("Try 'biospark " + commandLine.getCommandName() + " --help' for more information.");
            return ExitCodes.USAGE;
        }
        if (cause instanceof InvalidInputException) {
            commandLine.getErr().println("biospark: bad input: " + cause.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Throwable full = diskFull(ex);
        if (full != null) {
            commandLine.getErr().println("biospark: a file system is full (" + full.getMessage() + "); nothing was"
                    + " written: free space there, or give --out on another file system");
            return ExitCodes.INTERNAL_ERROR;
        }
        commandLine.getErr().println("biospark: internal error (please report it with the trace below)");
        ex.printStackTrace(commandLine.getErr());
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The "no space left on device" in the cause chain, if any: not a bug, and not the input's fault. */
    static Throwable diskFull(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof java.io.IOException && message != null
                    && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return t;
            }
        }
        return null;
    }

    /**
     * The user error in the cause chain, if any. Spark wraps what a task threw in a SparkException, so a bad record
     * found on an executor arrives here some levels down.
     */
    static Throwable userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UsageException || t instanceof InvalidInputException) {
                return t;
            }
        }
        return ex;
    }
}
