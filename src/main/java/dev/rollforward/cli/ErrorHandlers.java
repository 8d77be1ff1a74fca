package dev.rollforward.cli;

import dev.rollforward.report.BugReport;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Bad input gets one line naming what is wrong and where to look; a bug gets one line, or the trace under --verbose. */
final class ErrorHandlers {

    private ErrorHandlers() {
    }

    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String message = Redactor.none().redact(ex.getMessage());
            err.println("rollforward: " + message);
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCode.USAGE.code();
        }
    }

    static final class Internal implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            err.println("rollforward: " + BugReport.describe(ex, verbose(parsed), Redactor.none()));
            err.flush();
            return ExitCode.INTERNAL.code();
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
}
