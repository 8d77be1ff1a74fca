package dev.rollforward.run;

import dev.rollforward.check.Evaluator;
import dev.rollforward.config.RouteDigest;
import dev.rollforward.http.Transport;
import dev.rollforward.secrets.CredentialFingerprint;
import dev.rollforward.secrets.Credentials;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.CorrelationId;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.Provenance;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.SendTrail;
import dev.rollforward.vocabulary.Version;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs route checks: per route the happy path, then the error path, through one transport.
 * Routes run concurrently, at most {@code concurrency} at a time; results are handed on in
 * config order, each as soon as it and every route before it are done.
 */
public final class CheckRunner {

    /** Told when an attempt is sent and when a route is done, so a terminal can show what is in flight. */
    public interface Progress {
        void attemptStarted(Route route, Phase phase);

        void routeFinished(Route route);
    }

    private final Transport transport;
    private final Clock clock;
    private final String checkId;
    private final Progress progress;
    private volatile boolean stopped;

    /** @param checkId the run's check id: each request's correlation id starts with it */
    public CheckRunner(Transport transport, Clock clock, String checkId, Progress progress) {
        this.transport = transport;
        this.clock = clock;
        this.checkId = checkId;
        this.progress = progress;
    }

    private RouteResult check(Route route, Credentials credentials, String reviewLink) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<AttemptResult> attempts = new ArrayList<>(2);
        for (Phase phase : Phase.values()) {
            attempts.add(attempt(route, phase, credentials));
        }
        progress.routeFinished(route);
        Provenance provenance = new Provenance(Version.get(), RouteDigest.of(route),
                CredentialFingerprint.of(credentials.canary()));
        return new RouteResult(route.label(), route.family(), reviewLink, attempts, start, elapsedMs(t0), provenance,
                route.stream());
    }

    /** Once stopped, an attempt not yet sent, or cut short, is recorded as interrupted (hold), not sent. */
    private AttemptResult attempt(Route route, Phase phase, Credentials credentials) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        ResponseSnapshot snap;
        if (stopped) {
            snap = ResponseSnapshot.NoAnswer.interrupted(new SendTrail(URI.create(route.endpoint()).getHost(), null, List.of()));
        } else {
            progress.attemptStarted(route, phase);
            snap = transport.send(route, credentials.key(phase), credentials.headerValues(),
                    CorrelationId.of(checkId, route.label(), phase));
            if (stopped && snap instanceof ResponseSnapshot.NoAnswer cut) {
                snap = ResponseSnapshot.NoAnswer.interrupted(cut.trail());
            }
        }
        return Evaluator.evaluate(phase, route, snap, start, elapsedMs(t0));
    }

    /**
     * Ctrl-C or SIGTERM: sends in flight are cut short and none is started; every route still
     * gets its result (the attempts not made: hold, interrupted), so the reports can be written.
     */
    public void stop() {
        stopped = true;
        transport.stop();
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * Checks every route, at most {@code concurrency} at once, and passes each result to
     * {@code sink} in config order. Only results waiting on an earlier, slower route are held.
     */
    public void checkAll(List<Route> routes, Map<String, Credentials> credentials, String reviewLinkOverride,
                         int concurrency, Consumer<RouteResult> sink) throws InterruptedException {
        int threads = Math.max(1, Math.min(concurrency, routes.size()));
        if (threads == 1) {
            for (Route r : routes) {
                sink.accept(check(r, credentials.get(r.label()), link(r, reviewLinkOverride)));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "rollforward-route");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<RouteResult>> pending = new ArrayDeque<>();
            for (Route r : routes) {
                pending.add(pool.submit(() -> check(r, credentials.get(r.label()), link(r, reviewLinkOverride))));
            }
            while (!pending.isEmpty()) {
                sink.accept(pending.poll().get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a route check failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String link(Route r, String override) {
        return override != null ? override : r.reviewLink();
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
