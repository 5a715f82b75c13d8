package org.biospark.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs a program from Debian (Jupyter, Chromium): skipped, saying so, where the program is not
 * installed, so that {@code mvn verify} runs on a bare JDK and Maven; a failure instead where {@code required}, an
 * environment variable that {@code .ci/run} sets after installing the program, says it must be there.
 */
public final class Installed {
    private Installed() {
    }

    /** Skips or fails the calling test unless {@code program} is an executable. */
    public static void orSkip(Path program, String name, String required, String skipped) {
        if (Files.isExecutable(program)) {
            return;
        }
        if (System.getenv(required) != null) {
            Assertions.fail(required + " is set but " + name + " is not installed (" + program + ")");
        }
        Assumptions.abort(name + " is not installed (" + program + "): " + skipped);
    }
}
