package dev.rollforward.http;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a server's requested wait: {@code retry-after-ms}, then {@code Retry-After} (seconds or HTTP-date, RFC 9110 §10.2.3). */
final class RetryAfter {

    /** No usable wait was given. */
    static final long NONE = -1;

    private RetryAfter() {
    }

    static long millis(String retryAfterMs, String retryAfter, long nowMillis) {
        if (retryAfterMs != null) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (ms >= 0 && !Double.isNaN(ms) && !Double.isInfinite(ms)) {
                    return (long) Math.ceil(ms);
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return NONE;
        }
        String v = retryAfter.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? Long.MAX_VALUE : Long.parseLong(v) * 1000;
        }
        try {
            long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, at - nowMillis);
        } catch (DateTimeParseException e) {
            return NONE;
        }
    }
}
