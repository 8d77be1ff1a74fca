package dev.rollforward.check;

import dev.rollforward.vocabulary.GatewayRetries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayRetriesTest {

    private static final List<String> DEFAULT = Snaps.GATEWAY_HEADERS;

    @Test
    void noHeadersIsNone() {
        assertThat(GatewayRetries.from(Map.of(), DEFAULT)).isEqualTo(GatewayRetries.NONE);
        assertThat(GatewayRetries.NONE.happened()).isFalse();
        assertThat(GatewayRetries.from(Map.of("x-request-id", List.of("req_1")), DEFAULT)).isEqualTo(GatewayRetries.NONE);
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2} unknown={3}")
    @CsvSource(delimiter = '|', value = {
            "x-litellm-attempted-retries   | 1    | 1    | false",
            "x-litellm-attempted-retries   | 0    | 0    | false",
            "x-litellm-attempted-retries   | ' 2 '| 2    | false",
            "x-portkey-retry-attempt-count | 2    | 2    | false",
            "x-portkey-retry-attempt-count | -1   | 1    | true",
            "x-portkey-retry-attempt-count | -7   | 1    | true",
            "x-portkey-retry-attempt-count | many | 1    | true",
            "x-portkey-retry-attempt-count | 1.5  | 1    | true",
            "x-portkey-retry-attempt-count | ''   | 0    | false",
            "x-litellm-attempted-retries   | 99999999999 | 1000 | false"})
    void parsesOneHeader(String name, String value, int count, boolean unknown) {
        GatewayRetries g = GatewayRetries.from(Map.of(name, List.of(value)), DEFAULT);

        assertThat(g.count()).isEqualTo(count);
        assertThat(g.countUnknown()).isEqualTo(unknown);
        assertThat(g.happened()).isEqualTo(count > 0);
    }

    @Test
    void sumsEveryConfiguredHeaderAndValue() {
        Map<String, List<String>> headers = Map.of(
                "x-litellm-attempted-retries", List.of("1", "2"),
                "x-portkey-retry-attempt-count", List.of("3"));

        assertThat(GatewayRetries.from(headers, DEFAULT)).isEqualTo(new GatewayRetries(6, false));
    }

    @Test
    void anUnknownCountNextToAKnownOneKeepsTheKnownCount() {
        Map<String, List<String>> headers = Map.of(
                "x-litellm-attempted-retries", List.of("2"),
                "x-portkey-retry-attempt-count", List.of("-1"));

        assertThat(GatewayRetries.from(headers, DEFAULT)).isEqualTo(new GatewayRetries(2, true));
    }

    @Test
    void configuredNamesMatchCaseInsensitively() {
        Map<String, List<String>> headers = Map.of("x-portkey-retry-attempt-count", List.of("2"));

        assertThat(GatewayRetries.from(headers, List.of("X-Portkey-Retry-Attempt-Count")).count()).isEqualTo(2);
    }

    @Test
    void headersNotConfiguredAreIgnored() {
        Map<String, List<String>> headers = Map.of("x-litellm-attempted-retries", List.of("2"));

        assertThat(GatewayRetries.from(headers, List.of())).isEqualTo(GatewayRetries.NONE);
        assertThat(GatewayRetries.from(headers, List.of("x-other"))).isEqualTo(GatewayRetries.NONE);
    }
}
