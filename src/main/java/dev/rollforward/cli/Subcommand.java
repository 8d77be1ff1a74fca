package dev.rollforward.cli;

import dev.rollforward.report.Console;
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

    Subcommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public final Integer call() throws Exception {
        return execute().code();
    }

    abstract ExitCode execute() throws Exception;

    /** Runs a check; a failure in it is then shown on the check's own console. */
    final ExitCode runCheck(CheckOptions options, RunEnvironment checkEnv, RouteFile file)
            throws ConfigException, RouteSelection.Ambiguous, ReviewLinkRequirement.Missing {
        session = new CheckSession(options, checkEnv);
        return session.run(file);
    }

    /** Where a failure is shown; a check's console also hides the run's credentials. */
    final Console console() {
        return session != null ? session.console() : new Console(env.out(), env.err(), false, false);
    }
}
