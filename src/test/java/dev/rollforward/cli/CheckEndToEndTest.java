package dev.rollforward.cli;

import dev.rollforward.check.Bodies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tool through {@code Main.run}: exit code, stdout records, stderr, requests at the server. */
class CheckEndToEndTest {

    static final List<String> TEMPLATE_FIELDS = List.of("check_id", "route_label", "request_family",
            "http_status_class", "response_shape_seen", "fallback_decision", "retry_count", "operator_result", "review_link");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(Function<RecordedRequest, MockResponse> f) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return f.apply(request);
            }
        });
    }

    private static boolean canary(RecordedRequest r) {
        return ("Bearer " + CliHarness.CANARY).equals(r.getHeaders().get("Authorization"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_123").body(body).build();
    }

    private Path config(String family, String extra) throws IOException {
        Path p = dir.resolve("routes.yaml");
        Files.writeString(p, "review_link: https://tickets.example.com/ROUTE-1\n"
                + "routes:\n"
                + "  - label: primary\n"
                + "    base_url: " + server.url("/v1") + "\n"
                + "    request_family: " + family + "\n"
                + "    model: gpt-4o-mini\n"
                + "    credential_env: TEST_CANARY_KEY\n"
                + "    disabled_credential_env: TEST_DISABLED_KEY\n"
                + "    timeouts: {connect_ms: 1000, request_ms: 2000}\n"
                + "    retry: {max_retries: 1, base_delay_ms: 100, max_delay_ms: 400, max_retry_after_ms: 5000}\n"
                + extra);
        return p;
    }

    private List<JsonNode> records() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : cli.stdoutLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void healthyChatRoutePromotesAndExitsZero() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401));
        int code = cli.run("check", "--config", config("chat", "").toString(), "--check-id", "chk-1");

        assertThat(code).isZero();
        List<JsonNode> records = records();
        assertThat(records).hasSize(3);
        for (JsonNode r : records) {
            assertThat(TEMPLATE_FIELDS).allSatisfy(f -> assertThat(r.has(f)).as(f).isTrue());
            assertThat(r.get("schema_version").asInt()).isEqualTo(1);
            assertThat(r.get("check_id").asText()).isEqualTo("chk-1");
            assertThat(r.get("review_link").asText()).isEqualTo("https://tickets.example.com/ROUTE-1");
        }
        assertThat(records.get(0).get("phase").asText()).isEqualTo("happy-path");
        assertThat(records.get(0).get("http_status_class").asText()).isEqualTo("2xx");
        assertThat(records.get(0).get("completion_marker").asText()).isEqualTo("stop");
        assertThat(records.get(0).get("usage_present").asBoolean()).isTrue();
        assertThat(records.get(0).get("upstream_request_id").asText()).isEqualTo("req_123");
        assertThat(records.get(1).get("phase").asText()).isEqualTo("error-path");
        assertThat(records.get(1).get("http_status").asInt()).isEqualTo(401);
        assertThat(records.get(1).get("response_shape_seen").asText()).isEqualTo("expected");
        assertThat(records.get(2).get("record").asText()).isEqualTo("verdict");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("promote");
        assertThat(records.get(2).get("operator_result").asText()).isEqualTo("pass");
        assertThat(records.get(2).get("reasons")).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(cli.stderr).contains("happy-path").contains("promote: traffic may roll forward");
        assertThat(cli.stdout + cli.stderr).doesNotContain(CliHarness.CANARY).doesNotContain(CliHarness.DISABLED)
                .doesNotContain("Reply with the single word");
    }

    @Test
    void responsesRouteAcceptsOneApiErrorWithoutCode() throws Exception {
        answer(r -> canary(r) ? json(200, Bodies.RESPONSE) : json(401, Bodies.ONE_API_401));
        assertThat(cli.run("check", "--config", config("responses", "").toString())).isZero();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/responses");
        assertThat(records().get(0).get("check_id").asText()).isEqualTo("route-rollforward-check-20261127-0304");
    }

    @Test
    void overloadedUpstreamIsStayAndExitsOneAfterBoundedRetries() throws IOException {
        answer(r -> json(503, Bodies.OVERLOADED_503));
        int code = cli.run("check", "--config", config("chat", "").toString());

        assertThat(code).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(4); // 2 attempts x (1 + max_retries 1)
        List<JsonNode> records = records();
        assertThat(records.get(0).get("retry_count").asInt()).isEqualTo(1);
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("stay");
        assertThat(records.get(2).get("operator_result").asText()).isEqualTo("fail");
        assertThat(records.get(2).get("retry_count").asInt()).isEqualTo(2);
        assertThat(cli.pacer.sleeps()).hasSize(2);
    }

    @Test
    void hangingUpstreamIsHoldAndExitsTwo() throws IOException {
        answer(r -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        Path cfg = config("chat", "").resolveSibling("short.yaml");
        Files.writeString(cfg, Files.readString(config("chat", "")).replace("request_ms: 2000", "request_ms: 300"));
        int code = cli.run("check", "--config", cfg.toString());

        assertThat(code).isEqualTo(2);
        List<JsonNode> records = records();
        assertThat(records.get(0).get("http_status_class").asText()).isEqualTo("none");
        assertThat(records.get(0).get("http_status").isNull()).isTrue();
        assertThat(records.get(0).get("response_shape_seen").asText()).isEqualTo("none");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("hold");
        assertThat(records.get(2).get("operator_result").asText()).isEqualTo("fail");
    }

    @Test
    void disabledKeyAcceptedIsStay() throws IOException {
        answer(r -> json(200, Bodies.CHAT));
        assertThat(cli.run("check", "--config", config("chat", "").toString())).isEqualTo(1);
        assertThat(records().get(1).get("reasons").toString()).contains("disabled_credential_accepted");
    }

    @Test
    void configErrorExits78AndSendsNothing() throws IOException {
        Path cfg = config("chat", "    retry_policy: {}\n");
        assertThat(cli.run("check", "--config", cfg.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("routes.yaml:").contains("routes[0].retry_policy").contains("unknown key");
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void missingEnvVarExits78NamingItAndSendsNothing() throws IOException {
        cli.env.remove("TEST_CANARY_KEY");
        assertThat(cli.run("check", "--config", config("chat", "").toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("TEST_CANARY_KEY").contains("not set");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownRouteExits78() throws IOException {
        assertThat(cli.run("check", "--config", config("chat", "").toString(), "--route", "nope")).isEqualTo(78);
        assertThat(cli.stderr).contains("nope").contains("primary");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownOptionIsUsageError64WithOneLine() {
        assertThat(cli.run("check", "--config", "routes.yaml", "--colour")).isEqualTo(64);
        assertThat(cli.stderr).contains("Unknown option").doesNotContain("\tat ");
        assertThat(cli.stdout).isEmpty();
    }

    @Test
    void reviewLinkOptionOverridesConfigAndNullWithout() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401));
        Path cfg = config("chat", "");
        cli.run("check", "--config", cfg.toString(), "--review-link", "https://review.example.com/7");
        assertThat(records().get(0).get("review_link").asText()).isEqualTo("https://review.example.com/7");
        Files.writeString(cfg, Files.readString(cfg).replace("review_link: https://tickets.example.com/ROUTE-1\n", ""));
        cli.run("check", "--config", cfg.toString());
        assertThat(records().get(0).get("review_link").isNull()).isTrue();
    }

    @Test
    void quietLeavesStderrEmptyOnSuccess() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401));
        assertThat(cli.run("check", "--config", config("chat", "").toString(), "--quiet")).isZero();
        assertThat(cli.stderr).isEmpty();
        assertThat(cli.stdoutLines()).hasSize(3);
    }

    @Test
    void helpListsExitCodesAndVersionPrints() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.stdout).contains("Exit codes:").contains(" 78").contains("hold: some verdict is hold");
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.stdout).startsWith("rollforward ");
    }
}
