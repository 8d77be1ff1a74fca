package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Timeouts;
import java.util.Set;

/** A route's {@code timeouts} and {@code retry} blocks: ranges, and the defaults left to fill in. */
final class Limits {

    private static final Set<String> TIMEOUT_KEYS = Set.of("connect_ms", "request_ms");
    private static final Set<String> RETRY_KEYS = Set.of("max_retries", "base_delay_ms", "max_delay_ms", "max_retry_after_ms");

    private Limits() {
    }

    static Timeouts timeouts(Fields route) throws ConfigException {
        Fields f = route.optMapping("timeouts");
        if (f == null) {
            return Timeouts.DEFAULT;
        }
        f.refuseUnknown(TIMEOUT_KEYS);
        return new Timeouts(f.optLong("connect_ms", Timeouts.DEFAULT.connectMs(), 1, 600_000),
                f.optLong("request_ms", Timeouts.DEFAULT.requestMs(), 1, 600_000));
    }

    /** @param defaults what an absent key means (behind a gateway, no resends) */
    static RetryPolicy retry(Fields route, RetryPolicy defaults) throws ConfigException {
        Fields f = route.optMapping("retry");
        if (f == null) {
            return defaults;
        }
        f.refuseUnknown(RETRY_KEYS);
        if (f.has("max_retries") && f.optLong("max_retries", 0, 0, Long.MAX_VALUE) > RetryPolicy.MAX_RETRIES_CAP) {
            throw f.error("max_retries", "is at most " + RetryPolicy.MAX_RETRIES_CAP
                    + ": more retries multiply the load on an upstream that is already overloaded");
        }
        return new RetryPolicy((int) f.optLong("max_retries", defaults.maxRetries(), 0, RetryPolicy.MAX_RETRIES_CAP),
                f.optLong("base_delay_ms", defaults.baseDelayMs(), 0, 60_000),
                f.optLong("max_delay_ms", defaults.maxDelayMs(), 0, 60_000),
                f.optLong("max_retry_after_ms", defaults.maxRetryAfterMs(), 0, 600_000));
    }
}
