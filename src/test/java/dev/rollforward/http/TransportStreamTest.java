package dev.rollforward.http;

import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.retries;
import static dev.rollforward.http.Routes.route;
import static dev.rollforward.http.Snapshots.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.check.Bodies;
import dev.rollforward.check.StreamBodies;
import dev.rollforward.check.StreamClassifier;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.StreamEnd;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A streaming route on the wire: what is asked, how far it is read, and that nothing is resent once it started. */
class TransportStreamTest {

    private static final String STREAM = "    stream: true\n";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakePacer pacer = new FakePacer();
    private final Transport transport = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES)
            .pacer(pacer).backoff(new Backoff(bound -> 0)).streams(StreamClassifier::new).build();

    @AfterEach
    void close() {
        transport.close();
    }

    static MockResponse.Builder sse(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream; charset=utf-8")
                .body(body);
    }

    private static String stream(String family) {
        return switch (family) {
            case "chat" -> StreamBodies.CHAT;
            case "responses" -> StreamBodies.RESPONSES;
            default -> StreamBodies.MESSAGES;
        };
    }

    @Test
    void aStreamingRouteAsksForTheStream() throws Exception {
        server.enqueue(sse(StreamBodies.CHAT).build());

        transport.send(route(server, "chat", STREAM), CANARY, Map.of(), Routes.CORRELATION_ID);

        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(new ObjectMapper().readTree(r.getBody().utf8()).path("stream").asBoolean()).isTrue();
        assertThat(r.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    }

    @ParameterizedTest
    @CsvSource({"chat, DONE, 5", "responses, COMPLETED, 6", "messages, MESSAGE_STOP, 7"})
    void aWholeStreamIsReadToItsEndMarkerAndNoTextIsKept(String family, StreamEnd end, int events) {
        server.enqueue(sse(stream(family)).throttleBody(100, 0, TimeUnit.MILLISECONDS).build());

        ResponseSnapshot.Answer a = answer(transport.send(route(server, family, STREAM), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.stream().end()).isEqualTo(end);
        assertThat(a.stream().eventsSeen()).isEqualTo(events);
        assertThat(a.body()).isEmpty();
        assertThat(a.bodyError()).isNull();
        assertThat(a.stream().toString()).doesNotContain("\"ok\"").doesNotContain("delta");
    }

    @ParameterizedTest
    @CsvSource({"chat", "responses", "messages"})
    void aStreamCutBeforeItsEndMarkerHasNoEnd(String family) {
        server.enqueue(sse(StreamBodies.cut(stream(family))).build());

        ResponseSnapshot.Answer a = answer(transport.send(route(server, family, STREAM), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.stream()).isNotNull();
        assertThat(a.stream().end()).isNull();
        assertThat(a.bodyError()).isNull();
    }

    @Test
    void aConnectionDroppedMidStreamIsNeverResent() {
        server.enqueue(sse(StreamBodies.CHAT).onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(sse(StreamBodies.CHAT).build());

        ResponseSnapshot.Answer a = answer(transport.send(route(server, "chat", STREAM + retries(3)), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.bodyError()).isEqualTo("body_incomplete");
        assertThat(a.stream().end()).isNull();
        assertThat(a.resends()).isZero();
        assertThat(server.getRequestCount()).as("nothing is resent after the first byte").isEqualTo(1);
    }

    @Test
    void aPlainJsonAnswerOnAStreamingRouteIsReadWhole() {
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot.Answer a = answer(transport.send(route(server, "chat", STREAM), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.stream()).isNull();
        assertThat(a.body()).isNotEmpty();
    }

    @Test
    void aRefusalOnAStreamingRouteIsReadAsItsJsonBody() {
        server.enqueue(json(401, StreamBodies.MESSAGES_401));

        ResponseSnapshot.Answer a = answer(transport.send(route(server, "messages", STREAM), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.stream()).isNull();
        assertThat(a.body()).isNotEmpty();
    }

    @Test
    void aStreamPastTheCapWithoutAnEndIsTruncatedUnkept() {
        String ping = "event: ping\ndata: {\"type\": \"ping\"}\n\n";
        server.enqueue(sse(ping.repeat((int) (BodyReader.BODY_CAP / ping.length()) + 10)).build());

        ResponseSnapshot.Answer a = answer(transport.send(route(server, "messages", STREAM), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.bodyTruncated()).isTrue();
        assertThat(a.stream().end()).isNull();
        assertThat(a.body()).isEmpty();
    }

    @Test
    void aSlowStreamIsCutAtRequestMs() {
        // Real time: the deadline is OkHttp's call timeout. Events trickle (64 bytes every 10 ms), so no
        // single read waits long: only request_ms can end it, and the stream is not resent.
        try (Transport t = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES)
                .streams(StreamClassifier::new).build()) {
            String ping = "event: ping\ndata: {\"type\": \"ping\"}\n\n";
            server.enqueue(sse(StreamBodies.MESSAGES.replace("event: ping", ping.repeat(2000) + "event: ping"))
                    .throttleBody(64, 10, TimeUnit.MILLISECONDS).build());
            Route slow = route(server, "messages", STREAM + retries(3) + "    timeouts: {connect_ms: 300, request_ms: 300}\n");

            ResponseSnapshot.Answer a = answer(t.send(slow, CANARY, Map.of(), Routes.CORRELATION_ID));

            assertThat(a.bodyError()).isEqualTo("body_deadline_exceeded");
            assertThat(a.stream().end()).isNull();
            assertThat(a.stream().eventsSeen()).isPositive();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void theReadStopsAtTheEndMarkerEvenIfTheServerKeepsSending() {
        // The whole stream comes at once, then the server goes quiet for a minute: the read must not wait.
        String ping = "event: ping\ndata: {\"type\": \"ping\"}\n\n";
        byte[] whole = StreamBodies.MESSAGES.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.enqueue(sse(StreamBodies.MESSAGES + ping.repeat(10)).throttleBody(whole.length, 60, TimeUnit.SECONDS).build());

        ResponseSnapshot.Answer a = answer(transport.send(route(server, "messages", STREAM), CANARY, Map.of(), Routes.CORRELATION_ID));

        assertThat(a.stream().end()).isEqualTo(StreamEnd.MESSAGE_STOP);
        assertThat(a.stream().eventsSeen()).as("nothing after the end marker").isEqualTo(7);
    }
}
