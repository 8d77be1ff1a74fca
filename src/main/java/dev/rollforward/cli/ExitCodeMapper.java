package dev.rollforward.cli;

import dev.rollforward.report.BugReport;
import dev.rollforward.report.Console;
import dev.rollforward.report.DistinctOutputs;
import dev.rollforward.report.EvidenceLogUnreadable;
import dev.rollforward.report.OutputFileException;
import dev.rollforward.run.ReviewLinkRequirement;
import dev.rollforward.run.RouteSelection;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.ExitCode;
import picocli.CommandLine;

/**
 * The one place where what stopped a command becomes an exit code and one line on stderr:
 * a config error 78, an ambiguous route selection, two outputs naming one file or a missing
 * review link that is required 64, an evidence log that cannot be read 66, an output (a file,
 * stdout) that cannot be written 70, anything else a bug (70), with its stack trace only under --verbose.
 */
final class ExitCodeMapper implements CommandLine.IExecutionExceptionHandler {

    private final RunEnvironment env;

    ExitCodeMapper(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Console console = cmd.getCommand() instanceof Subcommand command
                ? command.console() : new Console(env.out(), env.err(), false, false);
        ExitCode code;
        String line;
        if (ex instanceof ConfigException) {
            code = ExitCode.CONFIG;
            line = "config error: " + ex.getMessage();
        } else if (ex instanceof RouteSelection.Ambiguous || ex instanceof ReviewLinkRequirement.Missing) {
            code = ExitCode.USAGE;
            line = ex.getMessage();
        } else if (ex instanceof DistinctOutputs.Collision) {
            code = ExitCode.USAGE;
            line = ex.getMessage();
        } else if (ex instanceof EvidenceLogUnreadable) {
            code = ExitCode.NO_INPUT;
            line = ex.getMessage();
        } else if (ex instanceof OutputFileException) {
            code = ExitCode.INTERNAL;
            line = ex.getMessage();
        } else {
            code = ExitCode.INTERNAL;
            line = BugReport.describe(ex, verbose(parsed), console.redactor());
        }
        console.error(line);
        return code.code();
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
