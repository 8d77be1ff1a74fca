package dev.rollforward.http;

import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Send;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The only place rollforward resends. One loop, bounded by {@code max_retries} and by the
 * attempt's deadline; the retryable classes live in {@link RetryRules}. Every send (its status or
 * why none came, and the wait before it) is recorded on the request's {@link AttemptTrace}.
 */
final class BoundedRetryInterceptor implements Interceptor {

    /** Enough of an error body to read its {@code error.code}; error envelopes are small. */
    private static final long ERROR_PEEK_BYTES = 16 * 1024;

    private final Pacer pacer;
    private final Backoff backoff;
    private final ErrorCodeReader errorCodes;
    /** Drops the pool's idle connections, so the send after a stale one opens a fresh connection. */
    private final Runnable freshConnections;

    BoundedRetryInterceptor(Pacer pacer, Backoff backoff, ErrorCodeReader errorCodes, Runnable freshConnections) {
        this.pacer = pacer;
        this.backoff = backoff;
        this.errorCodes = errorCodes;
        this.freshConnections = freshConnections;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AttemptTrace trace = request.tag(AttemptTrace.class);
        if (trace == null) {
            return chain.proceed(request);
        }
        RetryPolicy policy = trace.policy();
        boolean freshSendMade = false;
        long waited = 0;
        for (int resends = 0; ; ) {
            Response response;
            trace.sendStarting();
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                boolean canceled = chain.call().isCanceled();
                // The server closed an idle keep-alive connection: nothing reached the route, so the
                // fresh send takes this one's place, in the sends trail too, and is no resend
                // (CONTRACT §3). Once per attempt.
                if (!freshSendMade && RetryRules.staleConnection(e, trace.failedOnReusedConnection(), canceled)) {
                    freshSendMade = true;
                    freshConnections.run();
                    continue;
                }
                trace.sent(Send.failed(Failure.of(e).reason(), waited));
                long delay = backoff.delayMillis(policy, resends);
                if (!RetryRules.onFailure(e, canceled) || !mayResend(trace, resends, delay)) {
                    throw e;
                }
                waited = pause(delay);
                resends++;
                continue;
            }
            trace.sent(Send.answered(response.code(), waited));
            Map<String, List<String>> headers = response.headers().toMultimap();
            RetryRules.Advice advice = RetryRules.onResponse(response.code(), headers, errorCode(response),
                    policy, trace.gatewayReport(headers), pacer.nowMillis());
            if (!advice.retry()) {
                return response;
            }
            // The server's Retry-After raises the jittered delay, never lowers it.
            long delay = Math.max(backoff.delayMillis(policy, resends), advice.serverWaitMillis());
            if (!mayResend(trace, resends, delay)) {
                return response;
            }
            response.close(); // free the connection before the resend
            waited = pause(delay);
            resends++;
        }
    }

    /** Within max_retries, and the wait must not outlive the attempt's deadline. */
    private boolean mayResend(AttemptTrace trace, int resends, long delay) {
        return resends < trace.policy().maxRetries() && pacer.nowMillis() + delay < trace.deadlineMillis();
    }

    /** Waits before a resend; the wait is recorded with the send that follows it. */
    private long pause(long delay) throws IOException {
        pacer.sleep(delay);
        return delay;
    }

    private String errorCode(Response response) {
        int code = response.code();
        if (code != 429 && code < 500) {
            return null;
        }
        try {
            return errorCodes.errorCode(response.peekBody(ERROR_PEEK_BYTES).bytes());
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable body does not block the status-based rule
        }
    }
}
