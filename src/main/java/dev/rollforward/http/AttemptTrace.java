package dev.rollforward.http;

import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.RetryPolicy;
import java.util.List;

/**
 * Travels with one attempt's request (as its tag) so the retry interceptor knows the
 * attempt's bounds and can report the resends it made, and so {@link SendEvents} can tell it
 * what the current send's connection did.
 */
final class AttemptTrace {

    private final RetryPolicy policy;
    private final long deadlineMillis;
    private final List<String> gatewayRetryHeaders;
    private volatile Resends resent = Resends.NONE;
    /** The current send: whether it opened a connection, got one, and got a response's headers. */
    private volatile boolean connecting;
    private volatile boolean connectionAcquired;
    private volatile boolean answered;

    AttemptTrace(RetryPolicy policy, long deadlineMillis, List<String> gatewayRetryHeaders) {
        this.policy = policy;
        this.deadlineMillis = deadlineMillis;
        this.gatewayRetryHeaders = gatewayRetryHeaders;
    }

    RetryPolicy policy() {
        return policy;
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    List<String> gatewayRetryHeaders() {
        return gatewayRetryHeaders;
    }

    Resends resent() {
        return resent;
    }

    void countResend(boolean afterStatus) {
        resent = afterStatus ? resent.plusAfterStatus() : resent.plusAfterNoResponse();
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
