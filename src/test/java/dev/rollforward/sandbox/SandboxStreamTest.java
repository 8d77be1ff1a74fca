package dev.rollforward.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox's messages route, and the streams it serves per family and mode. */
class SandboxStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final List<SandboxServer> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(SandboxServer::close);
    }

    private HttpResponse<String> post(SandboxMode mode, String path, String key, boolean messagesAuth, boolean stream)
            throws Exception {
        SandboxServer server = SandboxServer.start(0, mode);
        started.add(server);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1" + path))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":" + stream + "}"));
        if (messagesAuth) {
            b.header("x-api-key", key).header("anthropic-version", "2023-06-01");
        } else {
            b.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void messagesAnswersTheCanaryInXApiKeyWithAMessage() throws Exception {
        HttpResponse<String> r = post(SandboxMode.HEALTHY, "/messages", SandboxServer.CANARY_KEY, true, false);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("content").isArray()).isTrue();
        assertThat(body.path("model").asText()).isEqualTo("m");
    }

    @Test
    void messagesRefusesAnotherKeyWithAnthropicsEnvelope() throws Exception {
        HttpResponse<String> r = post(SandboxMode.HEALTHY, "/messages", "sk-disabled-1111111111111111", true, false);
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("authentication_error");
    }

    @Test
    void overloadedMessagesIsA529OverloadedError() throws Exception {
        HttpResponse<String> r = post(SandboxMode.OVERLOADED, "/messages", SandboxServer.CANARY_KEY, true, false);
        assertThat(r.statusCode()).isEqualTo(529);
        assertThat(JSON.readTree(r.body()).at("/error/type").asText()).isEqualTo("overloaded_error");
    }

    @ParameterizedTest
    @CsvSource({
            "HEALTHY, /chat/completions, data: [DONE]",
            "HEALTHY, /responses, event: response.completed",
            "HEALTHY, /messages, event: message_stop",
            "STREAM_ERROR, /chat/completions, \"error\":{",
            "STREAM_ERROR, /responses, event: response.failed",
            "STREAM_ERROR, /messages, event: error"})
    void streamsEndTheWayTheModeSays(SandboxMode mode, String path, String last) throws Exception {
        HttpResponse<String> r = post(mode, path, SandboxServer.CANARY_KEY, path.equals("/messages"), true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        String lastEvent = r.body().substring(r.body().lastIndexOf("\n\n", r.body().length() - 3) + 2);
        assertThat(lastEvent).contains(last).endsWith("\n\n");
    }

    @ParameterizedTest
    @CsvSource({"/chat/completions, [DONE]", "/responses, response.completed", "/messages, message_stop"})
    void aCutStreamHasNoEndMarker(String path, String marker) throws Exception {
        HttpResponse<String> r = post(SandboxMode.STREAM_CUT, path, SandboxServer.CANARY_KEY, path.equals("/messages"), true);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(r.body()).contains("data: ").doesNotContain(marker);
    }

    @Test
    void aBufferedStreamIsOneJsonAnswer() throws Exception {
        HttpResponse<String> r = post(SandboxMode.STREAM_BUFFERED, "/chat/completions", SandboxServer.CANARY_KEY, false, true);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(r.body()).path("object").asText()).isEqualTo("chat.completion");
    }

    @Test
    void streamModesAnswerARequestThatDidNotAskToStreamWithJson() throws Exception {
        HttpResponse<String> r = post(SandboxMode.STREAM_CUT, "/responses", SandboxServer.CANARY_KEY, false, false);
        assertThat(JSON.readTree(r.body()).path("object").asText()).isEqualTo("response");
    }
}
