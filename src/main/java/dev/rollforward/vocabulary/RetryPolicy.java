package dev.rollforward.vocabulary;

/** CONTRACT §3 retry bounds for one route. */
public record RetryPolicy(int maxRetries, long baseDelayMs, long maxDelayMs, long maxRetryAfterMs) {

    /** More than 3 attempts per request feeds an overload (Google SRE, "Handling Overload"). */
    public static final int MAX_RETRIES_CAP = 3;

    public static final RetryPolicy DEFAULT = new RetryPolicy(1, 250, 2000, 5000);

    public RetryPolicy withMaxRetries(int n) {
        return new RetryPolicy(n, baseDelayMs, maxDelayMs, maxRetryAfterMs);
    }
}
