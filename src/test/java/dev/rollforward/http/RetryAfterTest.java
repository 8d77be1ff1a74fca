package dev.rollforward.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 §10.2.3 Retry-After, and the openai SDKs' retry-after-ms. */
class RetryAfterTest {

    private static final long NOW = Instant.parse("2026-11-27T03:04:05Z").toEpochMilli();

    @ParameterizedTest(name = "retry-after-ms={0} Retry-After={1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, NULL, -1",
            "NULL, '', -1",
            "NULL, 0, 0",
            "NULL, 1, 1000",
            "NULL, ' 7 ', 7000",
            "NULL, 120, 120000",
            "NULL, 1.5, -1",
            "NULL, -1, -1",
            "NULL, soon, -1",
            "NULL, 99999999999999999999, 9223372036854775807",
            "1500, NULL, 1500",
            "1500, 9, 1500",
            "0.4, NULL, 1",
            "-5, 2, 2000",
            "abc, 2, 2000",
            "NaN, 3, 3000"})
    void parses(String retryAfterMs, String retryAfter, long expected) {
        assertThat(RetryAfter.millis(retryAfterMs, retryAfter, NOW)).isEqualTo(expected);
    }

    @Test
    void httpDateIsRelativeToNow() {
        String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(NOW + 3000).atZone(ZoneOffset.UTC));

        assertThat(RetryAfter.millis(null, in3s, NOW)).isEqualTo(3000);
        assertThat(RetryAfter.millis(null, "Fri, 27 Nov 2026 03:04:15 GMT", NOW)).isEqualTo(10_000);
    }

    @Test
    void httpDateInThePastIsNoWait() {
        assertThat(RetryAfter.millis(null, "Wed, 21 Oct 2015 07:28:00 GMT", NOW)).isZero();
    }
}
