package dev.rollforward.cli;

import dev.rollforward.run.CheckIdentity;
import dev.rollforward.run.CheckOptions;
import dev.rollforward.run.Invocation;
import dev.rollforward.run.ReportFiles;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.run.Selection;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.ExitCode;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Send the two attempts (happy path, error path) through each chosen route and judge them.",
        description = {"stdout: one JSON record per attempt, then a verdict record per route. stderr: the table for a person.",
                "Proxies come from HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, as in curl."})
final class CheckCommand extends Subcommand {

    @Mixin
    ConfigFileOption config;

    @Mixin
    RouteChoiceOptions routes;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + Selection.DEFAULT_CONCURRENCY,
            converter = OptionValues.Concurrency.class,
            description = "With --all or several --route: routes checked at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--check-id", paramLabel = "ID", converter = OptionValues.CheckId.class,
            description = "Id on every record (default route-rollforward-check-YYYYMMDD-HHMM, UTC).")
    String checkId;

    @Option(names = "--review-link", paramLabel = "URL", converter = OptionValues.ReviewLink.class,
            description = "Overrides review_link from the config; an empty value counts as not given.")
    String reviewLink;

    @Option(names = "--require-review-link",
            description = "Refuse to check a route with no review link (exit 64, nothing sent): the ticket comes first.")
    boolean requireReviewLink;

    @Option(names = "--evidence-log", paramLabel = "FILE", converter = OptionValues.OutputFile.class,
            description = "Append the records to FILE (JSON Lines).")
    Path evidenceLog;

    @Option(names = "--junit", paramLabel = "FILE", converter = OptionValues.OutputFile.class,
            description = "Write a JUnit XML report.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", converter = OptionValues.OutputFile.class,
            description = "Write a ticket-ready markdown summary.")
    Path markdown;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "PEM file of CA certificates to trust for https routes, besides the JVM's own (a private CA).")
    Path caCert;

    @Mixin
    VerbosityOptions verbosity;

    CheckCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        CheckOptions options = CheckOptions.of(new Selection(routes.labels(), routes.all(), concurrency), typedCommandLine())
                .withIdentity(new CheckIdentity(checkId, reviewLink, requireReviewLink))
                .withReports(new ReportFiles(evidenceLog, junit, markdown))
                .withVerbosity(verbosity.level())
                .withCaCert(caCert);
        return runCheck(options, env, config.load(env.env(), console()));
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.verdicts(ExitCode.USAGE, ExitCode.INTERNAL, ExitCode.CONFIG);
    }

    /** The command as the user typed it, shell-quoted and redacted, for reports to repeat. */
    private String typedCommandLine() {
        StringBuilder sb = new StringBuilder(env.invocation().command());
        CommandLine.ParseResult top = spec.root().commandLine().getParseResult();
        List<String> args = top == null ? List.of() : top.originalArgs();
        for (String a : args) {
            sb.append(' ').append(Invocation.shellWord(a));
        }
        return Redactor.none().redact(sb.toString());
    }
}
