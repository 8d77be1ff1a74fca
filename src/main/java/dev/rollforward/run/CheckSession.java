package dev.rollforward.run;

import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Version;

import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.check.BodyClassifier;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.secrets.Credentials;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.http.proxy.EnvProxySelector;
import dev.rollforward.http.ErrorCodeReader;
import dev.rollforward.http.TlsTrust;
import dev.rollforward.http.Transport;
import dev.rollforward.report.Console;
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
    private int promote;
    private int stay;
    private int hold;

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
        List<ResultSink> sinks = OutputSinks.build(options, env.env(), console, new RecordJson(checkId, console.redactor()));
        if (options.verbose()) {
            console.info("http: " + proxies.describe());
        }
        ErrorCodeReader errorCodes = body -> BodyClassifier.classify(body, false).errorCode();
        try (Transport transport = Transport.builder(Version.userAgent(), errorCodes).pacer(env.pacer())
                .backoff(env.backoff()).concurrency(options.concurrency())
                .trace(options.verbose() ? line -> console.info("http: " + line) : null).tls(tls).proxies(proxies).build()) {
            CheckRunner runner = new CheckRunner(transport, env.clock(),
                    (route, phase) -> console.progress("checking " + route.label() + " (" + route.family().wire() + ") "
                            + phase.wire() + " ..."));
            runner.checkAll(routes, credentials, options.reviewLink(), options.concurrency(), result -> deliver(sinks, result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.error("interrupted before every route was checked; treat this run as hold");
            return ExitCode.HOLD.code();
        }
        Decision worst = stay > 0 ? Decision.STAY : hold > 0 ? Decision.HOLD : Decision.PROMOTE;
        RunSummary summary = new RunSummary(checkId, promote, stay, hold, worst, options.commandLine());
        for (ResultSink s : sinks) {
            try {
                s.finish(summary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ExitCode.of(worst).code();
    }

    private void deliver(List<ResultSink> sinks, RouteResult result) {
        switch (result.verdict()) {
            case PROMOTE: promote++; break;
            case STAY: stay++; break;
            default: hold++;
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
