package org.biospark.testing;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a check's {@code main} in a JVM of its own with a small heap, on the tests' class path: what a memory bound
 * is tested by, since the tests' own JVM has room for anything.
 */
public final class SmallHeap {
    private SmallHeap() {
    }

    /**
     * Runs {@code main} with {@code -Xmx<heap>} and {@code args}, its output in {@code target/<log>}; returns its
     * exit code and output.
     */
    public static Processes.Outcome run(String heap, Class<?> main, String log, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path")));
        // the module openings Spark needs, as the tests' own JVM got them
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-opens") || option.startsWith("-Dio.netty")) {
                command.add(1, option);
            }
        }
        command.add(main.getName());
        command.addAll(List.of(args));
        File output = new File("target/" + log);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        if (!child.waitFor(Processes.TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not finish in " + Processes.TIMEOUT.toMinutes()
                    + " minutes; see " + output);
        }
        return new Processes.Outcome(child.exitValue(), Files.readString(output.toPath()), "");
    }
}
