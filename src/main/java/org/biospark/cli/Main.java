package org.biospark.cli;

/** The entry point of the application jar. The only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(BiosparkCommand.commandLine().execute(args));
    }
}
