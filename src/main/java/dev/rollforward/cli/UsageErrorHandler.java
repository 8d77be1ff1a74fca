package dev.rollforward.cli;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Bad input on the command line: one line naming what is wrong, and where to look; exit 64. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("rollforward: " + Redactor.none().redact(message(ex)));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Our converters' messages name the option themselves; picocli's group messages start with "Error: ". */
    private static String message(CommandLine.ParameterException ex) {
        if (ex.getCause() instanceof OptionValues.Invalid invalid) {
            return invalid.getMessage();
        }
        String m = ex.getMessage();
        return m.startsWith("Error: ") ? m.substring("Error: ".length()) : m;
    }
}
