package dev.rollforward.http;

import dev.rollforward.vocabulary.ErrorCodes;
import dev.rollforward.vocabulary.HeaderValues;
import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.RetryPolicy;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * CONTRACT §3: which answers may be sent again. Each predicate is small on purpose; the
 * loop that uses them is {@link BoundedRetryInterceptor}.
 */
final class RetryRules {

    /** Statuses that say "the load, not your request": worth one more try (529: Anthropic's overloaded_error). */
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 500, 502, 503, 504, 529);

    private RetryRules() {
    }

    /** The verdict on one response: resend or not, and the server's requested wait. */
    record Advice(boolean retry, long serverWaitMillis, String reason) {
        static Advice no(String reason) {
            return new Advice(false, RetryAfter.NONE, reason);
        }
    }

    /** @param gateway what the route's gateway reported in this answer's headers */
    static Advice onResponse(int status, Map<String, List<String>> headers, String errorCode,
                             RetryPolicy policy, GatewayReport gateway, long nowMillis) {
        if (!RETRYABLE_STATUS.contains(status) && status != 429) {
            return Advice.no("status_not_retryable");
        }
        // An explicit "don't retry" from the server is honoured (openai SDKs do the same).
        if ("false".equalsIgnoreCase(HeaderValues.first(headers, "x-should-retry"))) {
            return Advice.no("server_said_no_retry");
        }
        // Retry at one layer only: a gateway that already retried, or fell back, has spent the budget.
        if (gateway.fallbacks() > 0) {
            return Advice.no("gateway_fell_back");
        }
        if (gateway.retries().happened()) {
            return Advice.no("gateway_already_retried");
        }
        String code = errorCode == null ? null : errorCode.toLowerCase(java.util.Locale.ROOT);
        if (status >= 500 && ErrorCodes.blamedOnRequest(code) != null) {
            return Advice.no("request_blamed");
        }
        long wait = RetryAfter.millis(HeaderValues.first(headers, "retry-after-ms"), HeaderValues.first(headers, "retry-after"), nowMillis);
        if (wait > policy.maxRetryAfterMs()) {
            return Advice.no("retry_after_too_long");
        }
        if (status == 429) {
            // A quota needs a person; a rate limit only if the server says when to come back.
            if (ErrorCodes.quotaExhausted(code)) {
                return Advice.no("insufficient_quota");
            }
            if (wait == RetryAfter.NONE) {
                return Advice.no("rate_limited_without_retry_after");
            }
        }
        return new Advice(true, wait, "retryable_status");
    }

    /** No response at all: worth a resend unless the call is over or TLS refused the peer. */
    static boolean onFailure(IOException e, boolean callCanceled) {
        if (callCanceled) {
            return false;
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return false; // the whole-attempt deadline fired
        }
        // A certificate or hostname that did not verify will not verify on a second try.
        return !(e instanceof SSLHandshakeException) && !(e instanceof SSLPeerUnverifiedException);
    }

    /**
     * A send that failed on a reused keep-alive connection before any byte of a response came
     * back: the server had closed the idle connection, so nothing reached the route. Not a
     * timeout (the server may be working on the request), and not when part of a status line
     * had arrived (the route did answer, then broke).
     */
    static boolean staleConnection(IOException e, boolean failedOnReusedConnection, boolean callCanceled) {
        if (callCanceled || !failedOnReusedConnection || e instanceof InterruptedIOException) {
            return false;
        }
        return !partOfAnAnswerArrived(e);
    }

    /** Okio says how much of the status line it had read when the stream ended: "limit=N". */
    private static boolean partOfAnAnswerArrived(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof EOFException && m != null && m.contains("limit=") && !m.contains("limit=0 ")) {
                return true;
            }
        }
        return false;
    }

}
