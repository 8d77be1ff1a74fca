package dev.rollforward.cli;

import dev.rollforward.report.Console;
import dev.rollforward.report.OutputFileException;
import dev.rollforward.run.CheckOptions;
import dev.rollforward.run.CheckSession;
import dev.rollforward.run.ReviewLinkRequirement;
import dev.rollforward.run.RouteSelection;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.RouteFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the run environment and a fixed {@code call()} that runs the
 * command and hands its {@link ExitCode} to picocli. Options are checked by picocli before
 * (converters, groups); whatever stops a command is thrown, and {@link ExitCodeMapper} alone
 * turns it into a line on stderr and an exit code.
 */
abstract class Subcommand implements Callable<Integer> {

    final RunEnvironment env;

    @Spec
    CommandSpec spec;

    /** The check this command runs, if any: its console knows the keys to hide. */
    private CheckSession session;
    private Console console;

    Subcommand(RunEnvironment env) {
        this.env = env;
    }

    /**
     * Runs the command. stdout is a PrintStream, which never throws: output lost on a closed pipe
     * or a full disk is found here, after everything else was written, and ends the run with 70.
     */
    @Override
    public final Integer call() throws Exception {
        ExitCode code = execute();
        if (env.out().checkError()) {
            throw OutputFileException.stdout();
        }
        return code.code();
    }

    abstract ExitCode execute() throws Exception;

    /** The exit codes this command's --help lists. */
    abstract ExitCodeHelp exitCodes();

    /** Runs a check; a failure in it is then shown on the check's own console. */
    final ExitCode runCheck(CheckOptions options, RunEnvironment checkEnv, RouteFile file)
            throws ConfigException, RouteSelection.Ambiguous, ReviewLinkRequirement.Missing {
        session = new CheckSession(options, checkEnv);
        return session.run(file);
    }

    /** Where stderr lines go; a check's console also hides the run's credentials. */
    final Console console() {
        if (session != null) {
            return session.console();
        }
        if (console == null) {
            console = new Console(env.out(), env.err(), false, false);
        }
        return console;
    }
}
