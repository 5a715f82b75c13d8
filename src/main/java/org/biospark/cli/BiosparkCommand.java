package org.biospark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: {@code biospark COMMAND [options]}. */
@Command(name = "biospark",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sequence alignment and gene-set enrichment, data-parallel on Apache Spark.",
        subcommands = {AlignCommand.class, GseaCommand.class, ScoreCommand.class, SqlCommand.class, ReportCommand.class,
            ScalingCommand.class,
            SumRangeCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage error, 3 bad input."})
public final class BiosparkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command");
    }

    /** A command line for the root command with biospark's error handling; {@code execute()} returns the exit code. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BiosparkCommand());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        ChoiceConverters.register(commandLine);
        return commandLine;
    }
}
