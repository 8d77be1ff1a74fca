package dev.rollforward.run;

import dev.rollforward.check.BodyClassifier;
import dev.rollforward.check.StreamClassifier;
import dev.rollforward.http.ErrorCodeReader;
import dev.rollforward.http.proxy.EnvProxySelector;
import dev.rollforward.http.TlsTrust;
import dev.rollforward.http.Transport;
import dev.rollforward.report.Console;
import dev.rollforward.report.DecisionCounts;
import dev.rollforward.report.InFlightLine;
import dev.rollforward.report.LastChecks;
import dev.rollforward.report.RecordJson;
import dev.rollforward.report.ResultSink;
import dev.rollforward.report.RunSummary;
import dev.rollforward.secrets.Credentials;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One check of a loaded config: select, resolve keys, send, judge, report, exit code.
 * Whatever stops it early is thrown (a config error, an ambiguous selection, an output file
 * that cannot be written, a bug); the caller maps it to an exit code and shows it on {@link #console()}.
 * Ctrl-C or SIGTERM ends it early too, but with every output written ({@link Interruption}).
 */
public final class CheckSession {

    private final CheckOptions options;
    private final RunEnvironment env;
    private final Console console;
    private DecisionCounts verdicts = DecisionCounts.NONE;
    private int attemptsNotMade;

    public CheckSession(CheckOptions options, RunEnvironment env) {
        this.options = options;
        this.env = env;
        this.console = new Console(env.out(), env.err(), options.verbosity().quiet(), env.fancyStderr());
    }

    /** Where this check writes; once the keys are known its redactor hides them too. */
    public Console console() {
        return console;
    }

    public ExitCode run(RouteFile file) throws ConfigException, RouteSelection.Ambiguous, ReviewLinkRequirement.Missing {
        String checkId = options.identity().checkId(env.clock());
        Selection selection = options.selection();
        List<Route> routes = RouteSelection.select(file, selection.labels(), selection.all());
        ReviewLinkRequirement.check(file, routes, options.identity());
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        for (Route r : routes) {
            credentials.put(r.label(), Credentials.resolve(file.path(), r, env.env()));
        }
        // Read before anything is sent: --ca-cert (none: the JVM's trust store) and the proxy variables.
        TlsTrust tls = options.caCert() == null ? null : TlsTrust.jvmDefaultPlus(options.caCert());
        EnvProxySelector proxies = EnvProxySelector.from(env.env());
        List<String> secrets = new ArrayList<>();
        credentials.values().forEach(c -> secrets.addAll(c.secrets()));
        secrets.addAll(proxies.secrets());
        console.redactor(new Redactor(secrets));
        RecordJson json = new RecordJson(checkId, console.redactor());
        List<ResultSink> sinks = OutputSinks.build(options.reports(), env.env(), console, json, routes);
        if (!console.quiet()) {
            console.info("rollforward check " + checkId + ": " + routes.size() + " route" + (routes.size() == 1 ? "" : "s")
                    + " from " + file.path() + " (happy path with the canary key, then error path with the disabled key)");
        }
        if (options.verbosity().verbose()) {
            console.info("http: " + proxies.describe());
        }
        LastChecks last = lastChecks(routes);
        ErrorCodeReader errorCodes = body -> BodyClassifier.classify(body, false).errorCode();
        try (Transport transport = Transport.builder(Version.userAgent(), errorCodes).pacer(env.pacer())
                .backoff(env.backoff()).concurrency(selection.concurrency())
                .trace(options.verbosity().verbose() ? line -> console.info("http: " + line) : null)
                .tls(tls).proxies(proxies).streams(StreamClassifier::new).build()) {
            CheckRunner runner = new CheckRunner(transport, env.clock(), checkId, progress(routes));
            try (Interruption interruption = Interruption.listen(env.stopSignal(), console, runner)) {
                boolean threadInterrupted = false;
                try {
                    runner.checkAll(routes, credentials, options.identity().reviewLink(), selection.concurrency(),
                            result -> deliver(sinks, last.attach(result, json)));
                } catch (InterruptedException e) {
                    threadInterrupted = true; // set again once the reports are written: file I/O would fail on it
                    runner.stop();
                }
                if (runner.stopped()) {
                    interruption.report(Phase.values().length * routes.size(), attemptsNotMade);
                }
                RunSummary summary = new RunSummary(checkId, verdicts, options.commandLine(), runner.stopped());
                for (ResultSink s : sinks) {
                    try {
                        s.finish(summary);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (threadInterrupted) {
                    Thread.currentThread().interrupt();
                }
                return ExitCode.of(summary.decision());
            }
        }
    }

    /** On a terminal, the routes in flight and the attempt each is at. */
    private CheckRunner.Progress progress(List<Route> routes) {
        InFlightLine line = new InFlightLine(routes.stream().map(Route::label).toList());
        return new CheckRunner.Progress() {
            @Override
            public void attemptStarted(Route route, Phase phase) {
                console.progress(line.started(route.label(), phase));
            }

            @Override
            public void routeFinished(Route route) {
                console.progress(line.finished(route.label()));
            }
        };
    }

    /** Read once, before anything is sent; an unreadable log costs the comparison, not the check. */
    private LastChecks lastChecks(List<Route> routes) {
        Path log = options.reports().evidenceLog();
        if (log == null) {
            return LastChecks.none();
        }
        try {
            return LastChecks.read(log, routes.stream().map(Route::label).toList());
        } catch (IOException e) {
            console.error("cannot read the evidence log " + log + " to compare with the last check ("
                    + e.getClass().getSimpleName() + "); the verdicts will carry no previous");
            return LastChecks.none();
        }
    }

    private void deliver(List<ResultSink> sinks, RouteResult result) {
        verdicts = verdicts.plus(result.verdict());
        for (AttemptResult a : result.attempts()) {
            if (a.snapshot() instanceof ResponseSnapshot.NoAnswer n && n.wasInterrupted()) {
                attemptsNotMade++;
            }
        }
        for (ResultSink s : sinks) {
            try {
                s.accept(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
