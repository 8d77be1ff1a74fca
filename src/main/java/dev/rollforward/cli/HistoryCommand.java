package dev.rollforward.cli;

import dev.rollforward.run.HistorySession;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.ExitCode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        header = "Show each route's checks in an evidence log, in time order, and what changed at each step.",
        description = {"stdout: one line per check (or one JSON object with --json). Reads the log; never changes it."})
final class HistoryCommand extends Subcommand {

    @Option(names = "--evidence-log", required = true, paramLabel = "FILE",
            description = "The JSON Lines file check --evidence-log appended to.")
    Path evidenceLog;

    @Mixin
    RouteLabelOption routes;

    @Option(names = "--json", description = "One JSON object per check (JSON Lines), for jq and scripts.")
    boolean json;

    HistoryCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        return new HistorySession(evidenceLog, routes.labels, json).run(env);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.succeeds("the history was shown (an empty log shows none); nothing was changed",
                ExitCode.USAGE, ExitCode.NO_INPUT, ExitCode.INTERNAL);
    }
}
