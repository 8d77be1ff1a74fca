package dev.rollforward.run;

import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Version;

import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.secrets.Credentials;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.http.EnvProxySelector;
import dev.rollforward.http.TlsTrust;
import dev.rollforward.http.Transport;
import dev.rollforward.report.Console;
import dev.rollforward.report.DecisionCounts;
import dev.rollforward.report.LastChecks;
import dev.rollforward.report.RecordJson;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.report.ResultSink;
import dev.rollforward.report.RunSummary;
import dev.rollforward.report.BugReport;
import dev.rollforward.report.OutputFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code rollforward check}: load, select, resolve keys, send, judge, report, exit code. */
public final class CheckSession {

    private static final DateTimeFormatter CHECK_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final CheckOptions options;
    private final RunEnvironment env;
    private final Console console;
    /** From --ca-cert (null: the JVM's trust store) and the proxy variables; read before anything is sent. */
    private TlsTrust tls;
    private EnvProxySelector proxies = EnvProxySelector.none();
    private DecisionCounts verdicts = DecisionCounts.NONE;

    public CheckSession(CheckOptions options, RunEnvironment env) {
        this.options = options;
        this.env = env;
        this.console = new Console(env.out(), env.err(), options.quiet(), env.fancyStderr());
    }

    public static String defaultCheckId(java.time.Clock clock) {
        return "route-rollforward-check-" + CHECK_ID.format(clock.instant());
    }

    /** Loads {@code --config} and checks it; returns the process exit code. */
    public int run() {
        try {
            return run(ConfigLoader.load(options.config()));
        } catch (ConfigException e) {
            console.error("config error: " + e.getMessage());
            return ExitCode.CONFIG.code();
        }
    }

    /** Checks an already loaded config (the demo builds its own); a bug surfaces as an unchecked exception. */
    public int run(RouteFile file) {
        String checkId = options.checkId() != null ? options.checkId() : defaultCheckId(env.clock());
        List<Route> routes;
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        try {
            routes = RouteSelection.select(file, options.routes(), options.all());
            for (Route r : routes) {
                credentials.put(r.label(), Credentials.resolve(file.path(), r, env.env()));
            }
            tls = options.caCert() == null ? null : TlsTrust.jvmDefaultPlus(options.caCert());
            proxies = EnvProxySelector.from(env.env());
        } catch (ConfigException e) {
            console.error("config error: " + e.getMessage());
            return ExitCode.CONFIG.code();
        } catch (RouteSelection.Ambiguous e) {
            console.error(e.getMessage());
            return ExitCode.USAGE.code();
        }
        List<String> secrets = new ArrayList<>();
        credentials.values().forEach(c -> {
            secrets.add(c.canary());
            secrets.add(c.disabled());
        });
        secrets.addAll(proxies.secrets());
        console.redactor(new Redactor(secrets));
        console.info("rollforward check " + checkId + ": " + routes.size() + " route" + (routes.size() == 1 ? "" : "s")
                + " from " + file.path() + " (happy path with the canary key, then error path with the disabled key)");
        try {
            return checkAndReport(checkId, routes, credentials);
        } catch (OutputFileException e) {
            console.error(e.getMessage());
            return ExitCode.INTERNAL.code();
        } catch (RuntimeException e) {
            console.error(BugReport.describe(e, options.verbose(), console.redactor()));
            return ExitCode.INTERNAL.code();
        }
    }

    private int checkAndReport(String checkId, List<Route> routes, Map<String, Credentials> credentials) {
        RecordJson json = new RecordJson(checkId, console.redactor());
        List<ResultSink> sinks = OutputSinks.build(options, env.env(), console, json);
        LastChecks last = lastChecks(routes);
        if (options.verbose()) {
            console.info("http: " + proxies.describe());
        }
        try (Transport transport = new Transport(Version.userAgent(), env.pacer(), env.backoff(),
                options.concurrency(), options.verbose() ? line -> console.info("http: " + line) : null, tls, proxies)) {
            CheckRunner runner = new CheckRunner(transport, env.clock(),
                    (route, phase) -> console.progress("checking " + route.label() + " (" + route.family().wire() + ") "
                            + phase.wire() + " ..."));
            runner.checkAll(routes, credentials, options.reviewLink(), options.concurrency(), result -> deliver(sinks, last.attach(result, json)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.error("interrupted before every route was checked; treat this run as hold");
            return ExitCode.HOLD.code();
        }
        RunSummary summary = new RunSummary(checkId, verdicts, options.commandLine());
        for (ResultSink s : sinks) {
            try {
                s.finish(summary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ExitCode.of(summary.worst()).code();
    }

    /** Read once, before anything is sent; an unreadable log costs the comparison, not the check. */
    private LastChecks lastChecks(List<Route> routes) {
        if (options.evidenceLog() == null) {
            return LastChecks.none();
        }
        try {
            return LastChecks.read(options.evidenceLog(), routes.stream().map(Route::label).toList());
        } catch (IOException e) {
            console.error("cannot read the evidence log " + options.evidenceLog() + " to compare with the last check ("
                    + e.getClass().getSimpleName() + "); the verdicts will carry no previous");
            return LastChecks.none();
        }
    }

    private void deliver(List<ResultSink> sinks, RouteResult result) {
        verdicts = verdicts.plus(result.verdict());
        for (ResultSink s : sinks) {
            try {
                s.accept(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
