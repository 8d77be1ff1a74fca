package dev.rollforward.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each gateway profile reads from an answer's headers (REFERENCE.md "Who served"). */
class GatewayReportTest {

    private static Map<String, List<String>> headers(String... nameValue) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            h.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return h;
    }

    private static GatewayReport read(Gateway g, Map<String, List<String>> headers) {
        return GatewayReport.read(g, headers, g.reporting().retryHeaders(), g.servedBy().defaultTarget());
    }

    @Test
    void portkeyCountsTheTargetsPassedOverAndNotItsRetryHeadersHops() {
        GatewayReport r = read(Gateway.PORTKEY, headers("x-portkey-last-used-option-index", "config.targets[1]",
                "x-portkey-retry-attempt-count", "0", "x-portkey-provider", "openai"));

        assertThat(r.target()).isEqualTo("config.targets[1]");
        assertThat(r.fallbacks()).isEqualTo(1);
        assertThat(r.retryCount()).isZero();
        assertThat(r.gatewayActed()).isTrue();
    }

    @Test
    void portkeyFromTheFirstTargetWithItsOwnRetries() {
        GatewayReport r = read(Gateway.PORTKEY, headers("x-portkey-last-used-option-index", "config.targets[0]",
                "x-portkey-retry-attempt-count", "2"));

        assertThat(r.fallbacks()).isZero();
        assertThat(r.retryCount()).isEqualTo(2);
        assertThat(r.gatewayActed()).isTrue();
    }

    @Test
    void anExplicitExpectationMovesTheBaseline() {
        GatewayReport r = GatewayReport.read(Gateway.PORTKEY, headers("x-portkey-last-used-option-index", "config.targets[1]"),
                List.of(), "config.targets[1]");

        assertThat(r.fallbacks()).isZero();
        assertThat(r.gatewayActed()).isFalse();
    }

    @Test
    void liteLlmNamesTheDeploymentItsApiBaseAndItsFallbacks() {
        GatewayReport r = read(Gateway.LITELLM, headers("x-litellm-model-id", "a1b2c3d4-deployment",
                "x-litellm-model-api-base", "https://api.openai.com/v1", "x-litellm-model-group", "gpt-4o-mini",
                "x-litellm-attempted-retries", "1", "x-litellm-attempted-fallbacks", "2", "x-litellm-max-fallbacks", "2"));

        assertThat(r.target()).isEqualTo("a1b2c3d4-deployment");
        assertThat(r.apiBase()).isEqualTo("https://api.openai.com/v1");
        assertThat(r.fallbacks()).isEqualTo(2);
        assertThat(r.retryCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "x-litellm-attempted-fallbacks: \"{0}\" counts {1}")
    @CsvSource(value = {"0, 0", "'', 0", "3, 3", "-1, 1", "many, 1"})
    void liteLlmFallbackCounts(String value, int counted) {
        assertThat(read(Gateway.LITELLM, headers("x-litellm-attempted-fallbacks", value)).fallbacks()).isEqualTo(counted);
    }

    @Test
    void newApiSaysNothingAboutWhoServed() {
        GatewayReport r = read(Gateway.NEW_API, headers("x-oneapi-request-id", "20261127030405123456789abcdef",
                "x-portkey-last-used-option-index", "config.targets[1]", "x-litellm-attempted-retries", "3"));

        assertThat(r).isEqualTo(new GatewayReport(GatewayRetries.NONE, 0, null, null, "20261127030405123456789abcdef"));
    }

    @Test
    void theAnswersOwnRequestIdComesBeforeTheGatewaysOwn() {
        assertThat(read(Gateway.LITELLM, headers("x-litellm-call-id", "call-1")).requestId()).isEqualTo("call-1");
        assertThat(read(Gateway.LITELLM, headers("x-litellm-call-id", "call-1", "x-request-id", "req_1")).requestId())
                .isEqualTo("req_1");
        assertThat(read(Gateway.NONE, headers("x-oneapi-request-id", "2026")).requestId()).isEqualTo("2026");
        assertThat(read(Gateway.PORTKEY, headers("x-oneapi-request-id", "2026")).requestId()).isNull();
    }

    @Test
    void noGatewayReadsOnlyTheConfiguredRetryHeaders() {
        GatewayReport r = read(Gateway.NONE, headers("x-litellm-attempted-retries", "2",
                "x-portkey-last-used-option-index", "config.targets[1]"));

        assertThat(r.retryCount()).isEqualTo(2);
        assertThat(r.fallbacks()).isZero();
        assertThat(r.target()).isNull();
    }

    @Test
    void profilesOwnTheirDefaults() {
        assertThat(Gateway.fromWire("cometapi")).isSameAs(Gateway.NEW_API);
        assertThat(Gateway.fromWire(" Portkey ")).isSameAs(Gateway.PORTKEY);
        assertThat(Gateway.fromWire("kong")).isNull();
        assertThat(Gateway.wireNames()).isEqualTo("none, portkey, litellm, new-api, cometapi");
        assertThat(Gateway.NONE.defaultRetry().maxRetries()).isEqualTo(1);
        for (Gateway g : List.of(Gateway.PORTKEY, Gateway.LITELLM, Gateway.NEW_API)) {
            assertThat(g.defaultRetry().maxRetries()).as("%s: retry at one layer", g).isZero();
        }
        assertThat(Gateway.PORTKEY.correlationHeaders()).containsExactly("X-Request-Id", "x-portkey-trace-id");
        assertThat(Gateway.LITELLM.correlationHeaders()).containsExactly("X-Request-Id");
        assertThat(Gateway.PORTKEY.madeError(new BodyFacts(BodyShape.OTHER_JSON, null, false, null, false, null,
                List.of("html-message")))).isTrue();
        assertThat(Gateway.NONE.madeError(new BodyFacts(BodyShape.OTHER_JSON, null, false, null, false, null,
                List.of("html-message")))).isFalse();
    }
}
