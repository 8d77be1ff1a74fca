package dev.rollforward.http;

import dev.rollforward.vocabulary.RetryPolicy;
import java.util.List;

/**
 * Travels with one attempt's request (as its tag) so the retry interceptor knows the
 * attempt's bounds and can report how many resends it made.
 */
final class AttemptTrace {

    private final RetryPolicy policy;
    private final long deadlineMillis;
    private final List<String> gatewayRetryHeaders;
    private volatile int resends;

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

    int resends() {
        return resends;
    }

    void countResend() {
        resends++;
    }
}
