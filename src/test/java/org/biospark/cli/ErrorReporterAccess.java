package org.biospark.cli;

/** Lets tests in other packages find the user error in a cause chain, as the command line does. */
public final class ErrorReporterAccess {
    private ErrorReporterAccess() {
    }

    public static Throwable userError(Throwable e) {
        return ErrorReporter.userError(e);
    }
}
