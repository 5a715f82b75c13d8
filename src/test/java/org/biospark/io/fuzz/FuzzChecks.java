package org.biospark.io.fuzz;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

import org.biospark.io.InvalidInputException;

/**
 * The property every reader's fuzz test checks: an input gives a result (its records and the lines it rejects) or an
 * {@link InvalidInputException} that names the file and, where it has one, a line within the input; never another
 * exception, and never more allocation than a small input can need. A hang is caught by the fuzz tests' timeout.
 */
final class FuzzChecks {
    /** The file name the readers are given, which an error must name. */
    static final String FILE = "fuzzed-input";
    /** Allocation allowed for any input: the readers' buffers. */
    static final long BASE_ALLOCATION = 8L << 20;
    /** Allocation allowed per byte of input. */
    static final long ALLOCATION_PER_BYTE = 256;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzChecks() {
    }

    /** What {@code read} gave, or null when it refused the input as it should; fails on anything else. */
    static <T> T readOrRefuse(byte[] input, Callable<T> read) {
        return readOrRefuse(input, lines(input), read);
    }

    /** The same, for an input of {@code lines} lines once decoded (a gzip file's lines are its text's). */
    static <T> T readOrRefuse(byte[] input, long lines, Callable<T> read) {
        attempt(input, lines, read); // the first call may load and instrument classes: measure the second
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        T result = attempt(input, lines, read);
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        long bound = BASE_ALLOCATION + ALLOCATION_PER_BYTE * input.length;
        check(allocated <= bound, "allocated " + allocated + " bytes for an input of " + input.length);
        return result;
    }

    private static <T> T attempt(byte[] input, long lines, Callable<T> read) {
        T result = null;
        try {
            result = read.call();
        } catch (InvalidInputException e) {
            check(e.file().equals(FILE), "the error names another file: " + e.getMessage());
            check(e.line() >= 0 && e.line() <= lines + 1, "the error's line " + e.line() + " is not in the"
                    + " input's " + lines + " lines: " + e.getMessage());
        } catch (Exception e) {
            throw new AssertionError("not an InvalidInputException: " + e, e);
        }
        return result;
    }

    /** The input's lines: its newlines, and one more for a last line without its newline. */
    static long lines(byte[] input) {
        long lines = 0;
        for (byte b : input) {
            lines += b == '\n' || b == '\r' ? 1 : 0;
        }
        return lines + 1;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
