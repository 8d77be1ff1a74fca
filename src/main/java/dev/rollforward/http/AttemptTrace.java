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
 * bounds and its route's gateway, and can report every send it made.
 */
final class AttemptTrace {

    private final Route route;
    private final long deadlineMillis;
    private final List<Send> sends = new CopyOnWriteArrayList<>();

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
}
