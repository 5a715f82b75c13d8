package org.biospark.io;

/**
 * Input that cannot be read: a malformed file, a missing file, a record that breaks the format. The message names
 * the file and, where there is one, the line ("... at line N of FILE"). The command line maps it to exit code 3.
 *
 * <p>Anything else thrown by biospark is a bug and ends with exit code 1 and a stack trace.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String problem;

    /** A problem with a whole file (missing, unreadable, empty) rather than one of its lines. */
    public InvalidInputException(String file, String problem) {
        this(file, 0, problem, null);
    }

    /** A problem at a line (1-based) of a file. */
    public InvalidInputException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    public InvalidInputException(String file, long line, String problem, Throwable cause) {
        super(describe(file, line, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file the problem is in. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    private static String describe(String file, long line, String problem) {
        return line > 0 ? problem + " at line " + line + " of " + file : problem + ": " + file;
    }
}
