package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.check.StreamBodies;
import dev.rollforward.sandbox.SandboxMode;
import dev.rollforward.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streaming and messages routes through {@code Main.run}, as a user runs them. */
class StreamEndToEndTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private static MockResponse anthropic(RecordedRequest r) {
        if (Cli.CANARY.equals(r.getHeaders().get("x-api-key"))) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                    .addHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy").body(StreamBodies.MESSAGES).build();
        }
        return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body(StreamBodies.MESSAGES_401).build();
    }

    @Test
    void aStreamingMessagesRoutePromotesAndNoStreamTextReachesAnyOutput() throws Exception {
        MockWebServer server = cli.upstream();
        server.setDispatcher(Upstream.answering(StreamEndToEndTest::anthropic));
        Path config = cli.write(RouteConfig.at(server).family("messages").with("stream: true"));
        Path dir = cli.dir();

        int code = cli.run("check", "--config", config.toString(), "--evidence-log", dir.resolve("ev.jsonl").toString(),
                "--junit", dir.resolve("j.xml").toString(), "--markdown", dir.resolve("m.md").toString());

        assertThat(code).isZero();
        List<JsonNode> records = cli.records();
        JsonNode happy = records.get(0);
        assertThat(happy.get("stream").asBoolean()).isTrue();
        assertThat(happy.get("events_seen").asInt()).isEqualTo(7);
        assertThat(happy.get("stream_end").asText()).isEqualTo("message_stop");
        assertThat(happy.get("completion_marker").asText()).isEqualTo("end_turn");
        assertThat(happy.get("response_shape_seen").asText()).isEqualTo("expected");
        assertThat(records.get(1).get("events_seen").isNull()).isTrue(); // the 401 was JSON, no stream
        assertThat(records.get(2).get("stream").asBoolean()).isTrue();
        for (RecordedRequest r : List.of(server.takeRequest(1, TimeUnit.SECONDS), server.takeRequest(1, TimeUnit.SECONDS))) {
            assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
            assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(r.getHeaders().get("x-api-key")).isIn(Cli.CANARY, Cli.DISABLED);
            assertThat(r.getHeaders().get("Authorization")).isNull();
            assertThat(r.getBody().utf8()).contains("\"stream\":true", "\"max_tokens\":16");
        }
        String everything = cli.stdout + cli.stderr + Files.readString(dir.resolve("ev.jsonl"))
                + Files.readString(dir.resolve("j.xml")) + Files.readString(dir.resolve("m.md"));
        assertThat(everything).doesNotContain("text_delta", "content_block", "\"ok\"", "msg_01s1", "invalid x-api-key",
                Cli.CANARY, Cli.DISABLED);
    }

    @Test
    void verboseShowsTheMessagesHeadersRedacted() {
        MockWebServer server = cli.upstream();
        server.setDispatcher(Upstream.answering(StreamEndToEndTest::anthropic));
        Path config = cli.write(RouteConfig.at(server).family("messages").with("stream: true"));

        assertThat(cli.run("check", "--config", config.toString(), "--verbose")).isZero();

        assertThat(cli.stderr).contains("anthropic-version: 2023-06-01").doesNotContain(Cli.CANARY, Cli.DISABLED)
                .doesNotContain("text_delta");
    }

    @Test
    void planShowsTheStreamingRequestAndTheMessagesHeadersRedacted() throws Exception {
        Path config = cli.write(RouteConfig.at("https://api.cometapi.com/v1").family("messages").with("stream: true"));

        assertThat(cli.run("plan", "--config", config.toString())).isZero();

        JsonNode plan = cli.record(0);
        assertThat(plan.get("url").asText()).isEqualTo("https://api.cometapi.com/v1/messages");
        assertThat(plan.at("/headers/x-api-key").asText()).isEqualTo("[REDACTED]");
        assertThat(plan.at("/headers/anthropic-version").asText()).isEqualTo("2023-06-01");
        assertThat(plan.at("/headers/Accept").asText()).isEqualTo("text/event-stream");
        assertThat(plan.has("Authorization")).isFalse();
        assertThat(plan.at("/body/stream").asBoolean()).isTrue();
        assertThat(plan.at("/body/max_tokens").asInt()).isEqualTo(16);
        assertThat(cli.stdout).doesNotContain(Cli.CANARY);
    }

    /** Each stream mode of the sandbox, against a streaming route of each family: the contract's decision. */
    @ParameterizedTest
    @CsvSource({
            "HEALTHY, 0, promote, ''",
            "STREAM_CUT, 2, hold, stream_cut_short",
            "STREAM_BUFFERED, 2, hold, not_a_stream",
            "STREAM_ERROR, 1, stay, stream_error"})
    void aStreamingRouteAgainstTheSandboxGivesTheContractsDecision(SandboxMode mode, int exit, String decision,
                                                                 String reason) throws Exception {
        cli.env.put(Cli.CANARY_ENV, SandboxServer.CANARY_KEY);
        try (SandboxServer sandbox = SandboxServer.start(0, mode)) {
            for (String family : List.of("chat", "responses", "messages")) {
                Path config = cli.write(RouteConfig.at("http://127.0.0.1:" + sandbox.port() + "/v1").family(family)
                        .with("stream: true").with("timeouts: {connect_ms: 2000, request_ms: 5000}"));

                assertThat(cli.run("check", "--config", config.toString())).as(family).isEqualTo(exit);

                JsonNode verdict = cli.record(2);
                assertThat(verdict.get("fallback_decision").asText()).as(family).isEqualTo(decision);
                assertThat(verdict.get("reasons").toString()).as(family)
                        .isEqualTo(reason.isEmpty() ? "[]" : "[\"happy-path:" + reason + "\"]");
            }
        }
    }
}
