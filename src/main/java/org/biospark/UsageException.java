package org.biospark;

/**
 * A request that cannot be carried out as given: an option out of range, a combination of options that does not
 * make sense, an output directory that already holds results. The command line maps it to exit code 2.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
