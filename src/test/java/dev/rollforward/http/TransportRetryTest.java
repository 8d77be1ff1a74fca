package dev.rollforward.http;

import static dev.rollforward.http.Snapshots.answer;
import static dev.rollforward.http.Snapshots.noAnswer;
import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.chat;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.jsonBuilder;
import static dev.rollforward.http.Routes.retries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.Bodies;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONTRACT §3 retry policy through the public {@link Transport}, counted at the server.
 * Time is fake: no test here sleeps.
 */
class TransportRetryTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakePacer pacer = new FakePacer();
    private final Transport transport = Routes.fakeTimeTransport(pacer);

    @AfterEach
    void close() {
        transport.close();
    }

    private ResponseSnapshot send(Route route) {
        return transport.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
    }

    private void enqueue(MockResponse... responses) {
        for (MockResponse r : responses) {
            server.enqueue(r);
        }
    }

    private static String httpDate(long epochMillis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC));
    }

    // ---- retried ----

    @Test
    void persistent503IsSentOncePlusMaxRetriesWithExponentialDelays() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(json(503, Bodies.OVERLOADED_503));
        }

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(answer(s).status()).isEqualTo(503);
        assertThat(s.resends()).isEqualTo(3);
        assertThat(pacer.sleeps()).containsExactly(100L, 200L, 400L);
    }

    @Test
    void defaultPolicyResendsOnce() {
        enqueue(json(503, Bodies.OVERLOADED_503), json(503, Bodies.OVERLOADED_503), json(503, Bodies.OVERLOADED_503));

        ResponseSnapshot s = send(chat(server, ""));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(s.resends()).isEqualTo(1);
        assertThat(pacer.sleeps()).containsExactly(250L);
    }

    @Test
    void delayIsCappedAtMaxDelay() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, Bodies.OVERLOADED_503));
        }

        send(chat(server, "    retry: {max_retries: 3, base_delay_ms: 300, max_delay_ms: 500}\n"));

        assertThat(pacer.sleeps()).containsExactly(300L, 500L, 500L);
    }

    @Test
    void a503ThenA200IsTwoSendsAndOneResend() {
        enqueue(json(503, Bodies.OVERLOADED_503), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.resends()).isEqualTo(1);
        assertThat(new String(answer(s).body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Bodies.CHAT);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void retryableStatusesAreResent(int code) {
        enqueue(json(code, Bodies.OVERLOADED_503), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.resends()).isEqualTo(1);
    }

    @Test
    void a429WithRetryAfterSecondsIsResentAfterThatLong() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", "1").build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(pacer.sleeps()).as("Retry-After above the 100 ms backoff").containsExactly(1000L);
    }

    @Test
    void a429WithRetryAfterAsAnHttpDateIsResentAtThatTime() {
        String date = httpDate(FakePacer.START.toEpochMilli() + 3000);
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", date).build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(pacer.sleeps()).containsExactly(3000L);
    }

    @Test
    void a429WithRetryAfterAsAPastHttpDateIsResentWithTheBackoffDelay() {
        String date = httpDate(FakePacer.START.toEpochMilli() - 60_000);
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", date).build(), json(200, Bodies.CHAT));

        send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(pacer.sleeps()).containsExactly(100L);
    }

    @Test
    void a429WithRetryAfterMsIsResentAfterThatLong() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("retry-after-ms", "1500").build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(pacer.sleeps()).containsExactly(1500L);
    }

    @Test
    void retryAfterMsIsReadBeforeRetryAfter() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("retry-after-ms", "1200").addHeader("Retry-After", "4").build(),
                json(200, Bodies.CHAT));

        send(chat(server, retries(1)));

        assertThat(pacer.sleeps()).containsExactly(1200L);
    }

    @Test
    void retryAfterOnA503RaisesTheDelayNeverLowersIt() {
        enqueue(jsonBuilder(503, Bodies.OVERLOADED_503).addHeader("Retry-After", "2").build(),
                jsonBuilder(503, Bodies.OVERLOADED_503).addHeader("retry-after-ms", "10").build(),
                json(200, Bodies.CHAT));

        send(chat(server, retries(2)));

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(pacer.sleeps()).containsExactly(2000L, 200L);
    }

    @Test
    void aGatewayHeaderAtZeroDoesNotStopTheResend() {
        enqueue(jsonBuilder(503, Bodies.OVERLOADED_503).addHeader("x-portkey-retry-attempt-count", "0").build(),
                json(200, Bodies.CHAT));

        send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // ---- never retried ----

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusalsAreNeverResent(int code) {
        enqueue(json(code, Bodies.OPENAI_401), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(code);
        assertThat(s.resends()).isZero();
        assertThat(pacer.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 413, 422, 501, 505})
    void otherStatusesAreNotResent(int code) {
        enqueue(json(code, Bodies.COMET_401), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(code);
    }

    @Test
    void a429WithoutRetryAfterIsNotResent() {
        enqueue(json(429, Bodies.RATE_LIMIT_429), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(429);
    }

    @Test
    void a429WithAnUnreadableRetryAfterIsNotResent() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", "soon").build(), json(200, Bodies.CHAT));

        send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterAboveMaxRetryAfterIsNotResent() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", "6").build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(429);
    }

    @Test
    void retryAfterMsAboveMaxRetryAfterIsNotResent() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("retry-after-ms", "5001").build(), json(200, Bodies.CHAT));

        send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterAsAnHttpDateTooFarAheadIsNotResent() {
        String date = httpDate(FakePacer.START.toEpochMilli() + 3_600_000);
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", date).build(), json(200, Bodies.CHAT));

        send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void insufficientQuotaIsNotResentEvenWithRetryAfter() {
        enqueue(jsonBuilder(429, Bodies.QUOTA_429).addHeader("Retry-After", "1").build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(429);
    }

    @Test
    void a500BlamingTheRequestIsNotResent() {
        enqueue(json(500, Bodies.COMET_500_INVALID_REQUEST), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(500);
    }

    @Test
    void a503ModelNotFoundIsNotResent() {
        enqueue(json(503, Bodies.COMET_503_MODEL_NOT_FOUND), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False"})
    void xShouldRetryFalseIsHonoured(String value) {
        enqueue(jsonBuilder(503, Bodies.OVERLOADED_503).addHeader("X-Should-Retry", value).build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
    }

    @Test
    void xShouldRetryFalseBeatsRetryAfterOnA429() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("x-should-retry", "false").addHeader("Retry-After", "1").build(),
                json(200, Bodies.CHAT));

        send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void xShouldRetryTrueDoesNotMakeA400Retryable() {
        enqueue(jsonBuilder(400, Bodies.COMET_500_INVALID_REQUEST).addHeader("x-should-retry", "true").build(), json(200, Bodies.CHAT));

        send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-portkey-retry-attempt-count: 2", "x-litellm-attempted-retries: 1", "x-portkey-retry-attempt-count: -1"})
    void aGatewayThatAlreadyRetriedIsNotRetriedOnTop(String header) {
        enqueue(jsonBuilder(503, Bodies.PORTKEY_503).addHeader(header).build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
        assertThat(s.resends()).isZero();
    }

    @Test
    void configuredGatewayRetryHeadersReplaceTheDefaults() {
        enqueue(jsonBuilder(503, Bodies.OVERLOADED_503).addHeader("x-my-gateway-retries", "1").build(), json(200, Bodies.CHAT));

        send(chat(server, retries(3) + "    gateway_retry_headers: [X-My-Gateway-Retries]\n"));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void maxRetriesZeroNeverResends() {
        enqueue(json(503, Bodies.OVERLOADED_503), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(0)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
        assertThat(pacer.sleeps()).isEmpty();
    }

    @Test
    void maxRetriesZeroNeverResendsAfterADroppedConnection() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(0)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        noAnswer(s);
        assertThat(s.resends()).isZero();
    }

    // ---- deadline ----

    @Test
    void aResendThatWouldPassTheDeadlineIsNotMade() {
        // The first answer takes (fake) request_ms - 50: a 100 ms backoff would outlive the attempt.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                pacer.advance(2000 - 50);
                return json(503, Bodies.OVERLOADED_503);
            }
        });

        ResponseSnapshot s = send(chat(server, retries(3) + "    timeouts: {connect_ms: 1000, request_ms: 2000}\n"));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
        assertThat(s.resends()).isZero();
        assertThat(pacer.sleeps()).isEmpty();
    }

    @Test
    void resendsStopAtTheDeadlineEvenWithRetriesLeft() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                pacer.advance(700);
                return json(503, Bodies.OVERLOADED_503);
            }
        });

        // 700 + 100 | 700 + 200 | 700 = 2400; the next 400 ms wait would end at 2800 >= 2500.
        ResponseSnapshot s = send(chat(server, retries(3) + "    timeouts: {request_ms: 2500}\n"));

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(s.resends()).isEqualTo(2);
        assertThat(pacer.sleeps()).containsExactly(100L, 200L);
    }

    @Test
    void aRetryAfterLongerThanTheAttemptIsNotWaitedFor() {
        enqueue(jsonBuilder(429, Bodies.RATE_LIMIT_429).addHeader("Retry-After", "4").build(), json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3) + "    timeouts: {request_ms: 3000}\n"));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(429);
        assertThat(pacer.sleeps()).isEmpty();
    }

    // ---- no response ----

    @Test
    void aConnectionDroppedAtStartIsResentThenReportedAsNoResponse() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        }

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        noAnswer(s);
        assertThat(s.statusClass()).isEqualTo("none");
        assertThat(noAnswer(s).reason()).isEqualTo("connection_reset");
        assertThat(noAnswer(s).detail()).isNotBlank();
        assertThat(s.resends()).isEqualTo(1);
        assertThat(pacer.sleeps()).containsExactly(100L);
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsResentThenReportedAsNoResponse() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        noAnswer(s);
        assertThat(noAnswer(s).reason()).isEqualTo("connection_reset");
        assertThat(s.resends()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionThenA200IsASuccessWithOneResend() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.resends()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsResentThenReportedAsConnectFailed() throws Exception {
        Route route = chat(server, retries(2));
        String host = server.url("/").host();
        server.close();

        ResponseSnapshot s = send(route);

        noAnswer(s);
        assertThat(noAnswer(s).reason()).isEqualTo("connect_failed");
        assertThat(s.resends()).isEqualTo(2);
        assertThat(pacer.sleeps()).containsExactly(100L, 200L);
        assertThat(s.requestHost()).isEqualTo(host);
    }

    @Test
    void anUntrustedCertificateIsNeverResentAndNoRequestIsSent() {
        okhttp3.tls.HeldCertificate cert = new okhttp3.tls.HeldCertificate.Builder()
                .addSubjectAlternativeName(server.url("/").host()).build();
        server.useHttps(new okhttp3.tls.HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
        server.enqueue(json(200, Bodies.CHAT));
        server.enqueue(json(200, Bodies.CHAT));
        Route route = chat(server, retries(3));
        assertThat(route.baseUrl()).startsWith("https://");

        ResponseSnapshot s = send(route);

        noAnswer(s);
        assertThat(noAnswer(s).reason()).isEqualTo("tls_failure");
        assertThat(noAnswer(s).detail()).contains("certificate");
        assertThat(s.resends()).as("a certificate that did not verify will not verify on a second try").isZero();
        assertThat(server.getRequestCount()).isZero();
        assertThat(pacer.sleeps()).isEmpty();
    }

    @Test
    void theErrorPathCredentialIsSentOnceOnARefusal() {
        enqueue(json(401, Bodies.NEW_API_401));

        ResponseSnapshot s = transport.send(chat(server, retries(3)), "sk-test-disabled-000000000000000000", Map.of(), Routes.CORRELATION_ID);

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(s.resends()).isZero();
        assertThat(answer(s).status()).isEqualTo(401);
    }
}
