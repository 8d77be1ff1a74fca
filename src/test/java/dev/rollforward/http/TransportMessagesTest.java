package dev.rollforward.http;

import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.retries;
import static dev.rollforward.http.Routes.route;
import static dev.rollforward.http.Snapshots.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.check.StreamBodies;
import dev.rollforward.vocabulary.ResponseSnapshot;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The messages family on the wire, and Anthropic's 529 retried like a 503 (counted at the server). */
class TransportMessagesTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakePacer pacer = new FakePacer();
    private final Transport transport = Routes.fakeTimeTransport(pacer);

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void messagesPostsToMessagesWithTheKeyInXApiKeyAndTheVersion() throws Exception {
        server.enqueue(json(200, StreamBodies.MESSAGE));

        ResponseSnapshot s = transport.send(route(server, "messages", ""), CANARY, Map.of(), Routes.CORRELATION_ID);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(r.getHeaders().get("x-api-key")).isEqualTo(CANARY);
        assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(r.getHeaders().get("Authorization")).isNull();
        JsonNode body = new ObjectMapper().readTree(r.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.has("max_output_tokens")).isFalse();
    }

    @Test
    void maxTokensIsTheRoutesMaxOutputTokens() throws Exception {
        server.enqueue(json(200, StreamBodies.MESSAGE));

        transport.send(route(server, "messages", "    max_output_tokens: 40\n"), CANARY, Map.of(), Routes.CORRELATION_ID);

        JsonNode body = new ObjectMapper().readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(40);
    }

    @Test
    void a529IsResentLikeA503() {
        server.enqueue(json(529, StreamBodies.MESSAGES_529));
        server.enqueue(json(200, StreamBodies.MESSAGE));

        ResponseSnapshot s = transport.send(route(server, "messages", retries(1)), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.resends()).isEqualTo(1);
    }

    @Test
    void aPersistent529IsSentOncePlusMaxRetries() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(529, StreamBodies.MESSAGES_529));
        }

        ResponseSnapshot s = transport.send(route(server, "messages", retries(3)), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(answer(s).status()).isEqualTo(529);
        assertThat(s.resends()).isEqualTo(3);
        assertThat(pacer.sleeps()).containsExactly(100L, 200L, 400L);
    }
}
