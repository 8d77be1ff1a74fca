package dev.rollforward.http;

import dev.rollforward.vocabulary.RetryPolicy;
import java.util.List;

/**
 * Travels with one attempt's request (as its tag) so the retry interceptor knows the
 * attempt's bounds and can report how many resends it made.
 */
public final class AttemptTrace {

    private final RetryPolicy policy;
    private final long deadlineMillis;
    private final List<String> gatewayRetryHeaders;
    private volatile int resends;
    private volatile String stopReason;

    public AttemptTrace(RetryPolicy policy, long deadlineMillis, List<String> gatewayRetryHeaders) {
        this.policy = policy;
        this.deadlineMillis = deadlineMillis;
        this.gatewayRetryHeaders = gatewayRetryHeaders;
    }

    public RetryPolicy policy() {
        return policy;
    }

    public long deadlineMillis() {
        return deadlineMillis;
    }

    public List<String> gatewayRetryHeaders() {
        return gatewayRetryHeaders;
    }

    public int resends() {
        return resends;
    }

    void countResend() {
        resends++;
    }

    /** Why the interceptor stopped resending a retryable answer (budget or deadline), or null. */
    public String stopReason() {
        return stopReason;
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }
}
