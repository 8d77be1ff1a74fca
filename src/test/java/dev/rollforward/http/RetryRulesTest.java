package dev.rollforward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The retry predicates on their own: which answer may be sent again, and why not. */
class RetryRulesTest {

    private static final RetryPolicy POLICY = new RetryPolicy(3, 250, 2000, 5000);
    private static final List<String> GATEWAY = dev.rollforward.vocabulary.Route.DEFAULT_GATEWAY_RETRY_HEADERS;
    private static final long NOW = FakePacer.START.toEpochMilli();

    private static RetryRules.Advice advise(int status, Map<String, List<String>> headers, String code) {
        return RetryRules.onResponse(status, headers, code, POLICY,
                GatewayReport.read(Gateway.NONE, headers, GATEWAY, null), NOW);
    }

    @ParameterizedTest(name = "{0} code={1} {2}={3} -> retry={4} ({5})")
    @CsvSource(nullValues = "NULL", value = {
            "200, NULL, NULL, NULL, false, status_not_retryable",
            "301, NULL, NULL, NULL, false, status_not_retryable",
            "400, NULL, NULL, NULL, false, status_not_retryable",
            "401, NULL, retry-after, 1, false, status_not_retryable",
            "403, NULL, x-should-retry, true, false, status_not_retryable",
            "409, NULL, NULL, NULL, false, status_not_retryable",
            "501, NULL, NULL, NULL, false, status_not_retryable",
            "408, NULL, NULL, NULL, true, retryable_status",
            "500, NULL, NULL, NULL, true, retryable_status",
            "502, NULL, NULL, NULL, true, retryable_status",
            "503, upstream_error, NULL, NULL, true, retryable_status",
            "504, NULL, NULL, NULL, true, retryable_status",
            "503, NULL, x-should-retry, false, false, server_said_no_retry",
            "503, NULL, x-litellm-attempted-retries, 1, false, gateway_already_retried",
            "503, NULL, x-portkey-retry-attempt-count, -1, false, gateway_already_retried",
            "503, NULL, x-portkey-retry-attempt-count, 0, true, retryable_status",
            "500, invalid_request, NULL, NULL, false, request_blamed",
            "503, model_not_found, NULL, NULL, false, request_blamed",
            "503, NULL, retry-after, 6, false, retry_after_too_long",
            "503, NULL, retry-after, 5, true, retryable_status",
            "429, NULL, NULL, NULL, false, rate_limited_without_retry_after",
            "429, rate_limit_exceeded, retry-after, 1, true, retryable_status",
            "429, rate_limit_exceeded, retry-after-ms, 800, true, retryable_status",
            "429, insufficient_quota, retry-after, 1, false, insufficient_quota",
            "429, NULL, retry-after, 3600, false, retry_after_too_long"})
    void onResponse(int status, String code, String header, String value, boolean retry, String reason) {
        Map<String, List<String>> headers = header == null ? Map.of() : Map.of(header, List.of(value));

        RetryRules.Advice a = advise(status, headers, code);

        assertThat(a.retry()).isEqualTo(retry);
        assertThat(a.reason()).isEqualTo(reason);
    }

    @Test
    void aGatewaysFallbackIsNeverResentOnTop() {
        Map<String, List<String>> headers = Map.of("x-portkey-last-used-option-index", List.of("config.targets[1]"));
        RetryRules.Advice a = RetryRules.onResponse(503, headers, null, POLICY,
                GatewayReport.read(Gateway.PORTKEY, headers, List.of(), "config.targets[0]"), NOW);

        assertThat(a.retry()).isFalse();
        assertThat(a.reason()).isEqualTo("gateway_fell_back");
    }

    @Test
    void adviceCarriesTheServersWait() {
        assertThat(advise(429, Map.of("retry-after", List.of("2")), null).serverWaitMillis()).isEqualTo(2000);
        assertThat(advise(503, Map.of(), null).serverWaitMillis()).isEqualTo(RetryAfter.NONE);
    }

    @Test
    void noResponseIsRetriedUnlessTheCallIsOverOrTlsRefusedThePeer() {
        assertThat(RetryRules.onFailure(new ConnectException("refused"), false)).isTrue();
        assertThat(RetryRules.onFailure(new SocketTimeoutException("timeout"), false)).isTrue();
        assertThat(RetryRules.onFailure(new EOFException("unexpected end of stream"), false)).isTrue();
        assertThat(RetryRules.onFailure(new SocketException("Connection reset"), false)).isTrue();
        assertThat(RetryRules.onFailure(new UnknownHostException("nowhere"), false)).isTrue();

        assertThat(RetryRules.onFailure(new ConnectException("refused"), true)).isFalse();
        assertThat(RetryRules.onFailure(new InterruptedIOException("timeout"), false)).isFalse();
        assertThat(RetryRules.onFailure(new SSLHandshakeException("PKIX path building failed"), false)).isFalse();
        assertThat(RetryRules.onFailure(new SSLPeerUnverifiedException("Hostname not verified"), false)).isFalse();
    }

    @Test
    void failuresAreNamedWithoutStackTraces() {
        assertThat(Failure.of(new ConnectException("Connection refused")).reason()).isEqualTo("connect_failed");
        assertThat(Failure.of(new UnknownHostException("api.cometapi.invalid")).reason()).isEqualTo("dns_failure");
        assertThat(Failure.of(new SocketTimeoutException("Read timed out")).reason()).isEqualTo("timeout");
        assertThat(Failure.of(new SocketTimeoutException("Connect timed out")).reason()).isEqualTo("connect_timeout");
        assertThat(Failure.of(new InterruptedIOException("timeout")).reason()).isEqualTo("deadline_exceeded");
        assertThat(Failure.of(new EOFException()).reason()).isEqualTo("connection_reset");
        assertThat(Failure.of(new IOException("unexpected end of stream on http://x")).reason()).isEqualTo("connection_reset");
        assertThat(Failure.of(new SSLHandshakeException("PKIX path building failed")).detail()).contains("unknown certificate authority");
        assertThat(Failure.of(new SSLPeerUnverifiedException("Hostname api.x not verified")).detail()).contains("hostname mismatch");
        assertThat(Failure.of(new IOException("boom")).reason()).isEqualTo("io_error");
    }
}
