package dev.rollforward.http;

import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.Send;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Travels with one attempt's request (as its tag) so the retry interceptor knows the attempt's
 * bounds and its route's gateway and can report every send it made, and so {@link SendEvents} can
 * tell it what the current send's connection did.
 */
final class AttemptTrace {

    private final Route route;
    private final long deadlineMillis;
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    /** The current send: whether it opened a connection, got one, and got a response's headers. */
    private volatile boolean connecting;
    private volatile boolean connectionAcquired;
    private volatile boolean answered;

    AttemptTrace(Route route, long deadlineMillis) {
        this.route = route;
        this.deadlineMillis = deadlineMillis;
    }

    RetryPolicy policy() {
        return route.retry();
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    /** What the route's gateway reported in one answer's headers: its retries and fallbacks. */
    GatewayReport gatewayReport(Map<String, List<String>> headers) {
        return route.gatewayReport(headers);
    }

    /** Every request sent so far, in order. */
    List<Send> sends() {
        return List.copyOf(sends);
    }

    void sent(Send send) {
        sends.add(send);
    }

    void sendStarting() {
        connecting = false;
        connectionAcquired = false;
        answered = false;
    }

    void connecting() {
        connecting = true;
    }

    void connectionAcquired() {
        connectionAcquired = true;
    }

    void answered() {
        answered = true;
    }

    /** This send went out on a pooled keep-alive connection and no response headers came back on it. */
    boolean failedOnReusedConnection() {
        return connectionAcquired && !connecting && !answered;
    }
}
