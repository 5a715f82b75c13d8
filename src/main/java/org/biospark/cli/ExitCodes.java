package org.biospark.cli;

/** The exit codes of every biospark command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A bug, or a failure outside the user's control; a stack trace is printed. */
    public static final int INTERNAL_ERROR = 1;
    /** The command line is wrong: unknown option, bad value, missing argument, existing output. */
    public static final int USAGE = 2;
    /** An input file is missing or malformed; the message names the file and line. */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
