package dev.rollforward.http;

import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.chat;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.jsonBuilder;
import static dev.rollforward.http.Routes.retries;
import static dev.rollforward.http.Snapshots.answer;
import static dev.rollforward.http.Snapshots.noAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.Bodies;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.Send;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CONTRACT §3 behind a gateway, counted at the server: the sends trail, the correlation id,
 * the headers_env values, and one retry layer (no resend on top of a gateway's retry or fallback).
 * Time is fake: no test here sleeps.
 */
class TransportGatewayTest {

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

    private RecordedRequest take() {
        try {
            return server.takeRequest();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSendsTrailHasEachSendsStatusOrFailureAndTheWaitBeforeIt() {
        server.enqueue(json(503, Bodies.OVERLOADED_503));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(3)));

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.trail().sends()).containsExactly(Send.answered(503, 0), Send.failed("connection_reset", 100),
                Send.answered(200, 200));
        assertThat(s.resends()).isEqualTo(2);
        assertThat(pacer.sleeps()).containsExactly(100L, 200L);
        assertThat(s.trail().correlationId()).isEqualTo(Routes.CORRELATION_ID);
    }

    @Test
    void anAttemptWithNoAnswerEndsItsTrailWithTheFailure() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }

        ResponseSnapshot s = send(chat(server, retries(1)));

        assertThat(noAnswer(s).reason()).isEqualTo("connection_reset");
        assertThat(s.trail().sends()).containsExactly(Send.failed("connection_reset", 0),
                Send.failed("connection_reset", 100));
    }

    @Test
    void everySendCarriesTheCorrelationIdAndBehindPortkeyItsTraceHeaderToo() {
        server.enqueue(json(503, Bodies.OVERLOADED_503));
        server.enqueue(json(200, Bodies.CHAT));

        send(chat(server, retries(1) + "    gateway: portkey\n    expect: {served_by: \"config\"}\n"));

        for (int i = 0; i < 2; i++) {
            RecordedRequest r = take();
            assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo(Routes.CORRELATION_ID);
            assertThat(r.getHeaders().get("x-portkey-trace-id")).isEqualTo(Routes.CORRELATION_ID);
        }
    }

    @Test
    void withoutPortkeyOnlyXRequestIdIsSent() {
        server.enqueue(json(200, Bodies.CHAT));

        send(chat(server, ""));

        RecordedRequest r = take();
        assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo(Routes.CORRELATION_ID);
        assertThat(r.getHeaders().get("x-portkey-trace-id")).isNull();
    }

    @Test
    void headersEnvValuesAreSentOnEverySend() {
        server.enqueue(json(502, Bodies.OVERLOADED_503));
        server.enqueue(json(200, Bodies.CHAT));

        transport.send(chat(server, retries(1) + "    headers_env: {x-portkey-api-key: PORTKEY_API_KEY}\n"), CANARY,
                Map.of("x-portkey-api-key", "pk-test-00000000000000000000"), Routes.CORRELATION_ID);

        assertThat(take().getHeaders().get("x-portkey-api-key")).isEqualTo("pk-test-00000000000000000000");
        assertThat(take().getHeaders().get("x-portkey-api-key")).isEqualTo("pk-test-00000000000000000000");
    }

    @Test
    void behindAGatewayA503IsNotResentByDefault() {
        server.enqueue(json(503, Bodies.OVERLOADED_503));
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, "    gateway: litellm\n"));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
        assertThat(s.trail().sends()).hasSize(1);
    }

    /** max_retries 2 is set, and the answer is a retryable 503: what the gateway reports forbids the resend. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "portkey, x-portkey-last-used-option-index, config.targets[1]",
            "portkey, x-portkey-retry-attempt-count, -1",
            "portkey, x-portkey-retry-attempt-count, 2",
            "litellm, x-litellm-attempted-fallbacks, 1",
            "litellm, x-litellm-attempted-retries, 2"})
    void neverAResendOnTopOfAGatewaysRetryOrFallback(String gateway, String header, String value) {
        server.enqueue(jsonBuilder(503, Bodies.PORTKEY_503).addHeader(header, value).build());
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(2) + "    gateway: " + gateway + "\n"));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(answer(s).status()).isEqualTo(503);
        assertThat(pacer.sleeps()).isEmpty();
    }

    @Test
    void aResendIsStillMadeWhenTheGatewayReportsNeitherRetryNorFallback() {
        server.enqueue(jsonBuilder(503, Bodies.OVERLOADED_503).addHeader("x-portkey-last-used-option-index", "config.targets[0]")
                .addHeader("x-portkey-retry-attempt-count", "0").build());
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(chat(server, retries(2) + "    gateway: portkey\n"));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
    }
}
