package dev.rollforward.cli;

import dev.rollforward.run.CheckOptions;
import dev.rollforward.run.CheckSession;
import dev.rollforward.run.RunEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Send the two attempts (happy path, error path) through each chosen route and judge them.",
                "stdout: one JSON record per attempt, then a verdict record per route. stderr: the table for a person."})
final class CheckCommand implements Callable<Integer> {

    private final RunEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Route config (YAML or JSON).")
    Path config;

    @Option(names = "--route", paramLabel = "LABEL", description = "Route to check; may repeat. Optional when the config has one route.")
    List<String> routes = new ArrayList<>();

    @Option(names = "--all", description = "Check every route in the config.")
    boolean all;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "With --all or several --route: routes checked at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--check-id", paramLabel = "ID", description = "Id on every record (default route-rollforward-check-YYYYMMDD-HHMM, UTC).")
    String checkId;

    @Option(names = "--review-link", paramLabel = "URL", description = "Overrides review_link from the config.")
    String reviewLink;

    @Option(names = "--evidence-log", paramLabel = "FILE", description = "Append the records to FILE (JSON Lines).")
    Path evidenceLog;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a ticket-ready markdown summary.")
    Path markdown;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = {"PEM file of CA certificates to trust for https routes, besides the JVM's own (a private CA).",
                    "Proxies come from HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, as in curl."})
    Path caCert;

    @Option(names = {"-q", "--quiet"}, description = "Only errors on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "HTTP trace (credentials redacted) and stack traces on stderr.")
    boolean verbose;

    CheckCommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (concurrency < 1 || concurrency > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency must be between 1 and 256, not " + concurrency);
        }
        if (checkId != null && !checkId.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--check-id may only use letters, digits and . _ : - (at most 128)");
        }
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose cannot be used together");
        }
        CheckOptions options = new CheckOptions(config, List.copyOf(routes), all, concurrency, checkId, reviewLink,
                evidenceLog, junit, markdown, quiet, verbose, Commands.commandLine(spec), caCert);
        return new CheckSession(options, env).run();
    }
}
