package org.biospark.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the project's scripts ({@code submit/biospark}, {@code submit/cluster}) the way a user's shell does, on a
 * machine without a Spark installation, and keeps what they printed.
 */
public final class Processes {
    /** The checkout under test: failsafe passes it; a run from the project directory needs nothing. */
    public static final Path PROJECT = Path.of(System.getProperty("biospark.project.dir", ".")).toAbsolutePath();
    /** Long enough for any job on the test data; a command that takes longer has hung. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Processes() {
    }

    /** How a command ended. */
    public record Outcome(int exitCode, String stdout, String stderr) {
        /** Both streams, for a failure message. */
        public String output() {
            return stdout + stderr;
        }
    }

    /** A script of the project (a path from its root) and its arguments. */
    public static List<String> script(String path, String... args) {
        List<String> command = new ArrayList<>();
        command.add(PROJECT.resolve(path).toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * {@code command} in {@code workDir} with no SPARK_HOME, no SPARK_CONF_DIR and no spark-submit on the PATH, and
     * the launcher told not to build: the build under test made the jars, and a nested Maven must never start.
     */
    public static ProcessBuilder withoutSpark(Path workDir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.remove("SPARK_HOME");
        env.remove("SPARK_CONF_DIR");
        env.put("BIOSPARK_NO_BUILD", "1");
        env.put("PATH", Arrays.stream(env.getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .filter(dir -> !Files.isExecutable(Path.of(dir, "spark-submit")))
                .collect(Collectors.joining(File.pathSeparator)));
        return builder;
    }

    /** Runs {@code command} as {@link #withoutSpark} sets it up, {@code extraEnv} on top, within {@link #TIMEOUT}. */
    public static Outcome run(Path workDir, Map<String, String> extraEnv, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = withoutSpark(workDir, command);
        builder.environment().putAll(extraEnv);
        return run(builder, TIMEOUT);
    }

    /**
     * Runs {@code command} until it ends or its stderr shows {@code seen}, whichever comes first; in the second case
     * it and its children are killed and the exit code is -1. For a command whose verdict is known long before it
     * gives up (a client refused by a server it goes on retrying).
     */
    public static Outcome runUntil(Path workDir, Map<String, String> extraEnv, List<String> command,
                                   java.util.regex.Pattern seen) throws IOException, InterruptedException {
        ProcessBuilder builder = withoutSpark(workDir, command);
        builder.environment().putAll(extraEnv);
        return run(builder, TIMEOUT, seen);
    }

    /**
     * Runs {@code builder} to its end and returns its exit code and both streams; kills it and fails the test when it
     * outlasts {@code timeout}. The streams go to files, not pipes, since a daemon the command starts keeps them open.
     */
    public static Outcome run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        return run(builder, timeout, null);
    }

    private static Outcome run(ProcessBuilder builder, Duration timeout, java.util.regex.Pattern seen)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("biospark-stdout", ".txt");
        Path stderr = Files.createTempFile("biospark-stderr", ".txt");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                boolean said = seen != null && seen.matcher(Files.readString(stderr)).find();
                if (said || System.nanoTime() > deadline) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    if (!said) {
                        throw new AssertionError("did not finish in " + timeout.toMinutes() + " minutes: "
                                + builder.command());
                    }
                    return new Outcome(-1, Files.readString(stdout), Files.readString(stderr));
                }
            }
            return new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** A TCP port that was free a moment ago, for a server a test starts. */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
