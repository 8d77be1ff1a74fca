package dev.rollforward.cli;

import static dev.rollforward.cli.Upstream.canary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.check.Bodies;
import dev.rollforward.sandbox.SandboxMode;
import dev.rollforward.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through {@code Main.run} against a MockWebServer that answers the way each gateway does (REFERENCE.md
 * "Who served"): exit code, records, stderr, and the requests the gateway got.
 */
class GatewayEndToEndTest {

    private static final String CHECK_ID = "chk-gw";

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    private int check(String gatewayYaml, Function<RecordedRequest, MockResponse> answer) {
        server.setDispatcher(Upstream.answering(answer));
        Path config = cli.write(RouteConfig.at(server).with(gatewayYaml).with("timeouts: {connect_ms: 1000, request_ms: 2000}"));
        return cli.run("check", "--config", config.toString(), "--check-id", CHECK_ID);
    }

    private static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    }

    // ---- LiteLLM proxy: x-litellm-* on every answer ----

    private static MockResponse liteLlm(int code, String body, String modelId, String fallbacks) {
        return json(code, body).addHeader("x-litellm-model-id", modelId)
                .addHeader("x-litellm-model-api-base", "https://" + modelId + ".example.net/v1")
                .addHeader("x-litellm-model-group", "gpt-4o-mini").addHeader("x-litellm-attempted-retries", "0")
                .addHeader("x-litellm-attempted-fallbacks", fallbacks).addHeader("x-litellm-max-fallbacks", "1")
                .addHeader("x-litellm-call-id", "c0ffee00-call").addHeader("x-litellm-version", "1.74.0").build();
    }

    @Test
    void liteLlmWithoutAFallbackPromotesAndNamesTheDeployment() {
        int code = check("gateway: litellm", r -> canary(r) ? liteLlm(200, Bodies.CHAT, "primary", "0")
                : liteLlm(401, Bodies.OPENAI_401, "primary", "0"));

        assertThat(code).isZero();
        JsonNode happy = cli.record(0);
        assertThat(happy.get("served_by").get("gateway").asText()).isEqualTo("litellm");
        assertThat(happy.get("served_by").get("target").asText()).isEqualTo("primary");
        assertThat(happy.get("served_by").get("api_base_host").asText()).isEqualTo("primary.example.net");
        assertThat(happy.get("upstream_request_id").asText()).as("LiteLLM's call id").isEqualTo("c0ffee00-call");
        assertThat(happy.get("correlation_id").asText()).isEqualTo(CHECK_ID + ".primary.happy-path");
        assertThat(cli.stderr).contains("primary   ");
    }

    @Test
    void liteLlmThatFellBackStaysAndCountsTheFallback() {
        int code = check("gateway: litellm", r -> canary(r) ? liteLlm(200, Bodies.CHAT, "backup", "1")
                : liteLlm(401, Bodies.OPENAI_401, "primary", "0"));

        assertThat(code).isEqualTo(1);
        JsonNode happy = cli.record(0);
        assertThat(Cli.reasons(happy)).containsExactly("gateway_fell_back");
        assertThat(happy.get("gateway_fallback_count").asInt()).isEqualTo(1);
        assertThat(happy.get("retry_count").asInt()).isEqualTo(1);
        assertThat(happy.get("sends")).hasSize(1);
        assertThat(cli.record(2).get("gateway_fallback_count").asInt()).isEqualTo(1);
        assertThat(cli.stderr).contains("backup").contains("gateway_fell_back");
    }

    // ---- new-api / CometAPI: no served-by header, only X-Oneapi-Request-Id and the model ----

    private static MockResponse newApi(int code, String body) {
        return json(code, body).addHeader("X-Oneapi-Request-Id", "20261127030405123456789abcdef").build();
    }

    @Test
    void cometapiKeepsItsRequestIdAndCatchesAFallbackByTheModel() {
        String expect = "gateway: cometapi\n    expect: {model_prefix: gpt-4o-mini}";
        assertThat(check(expect, r -> canary(r) ? newApi(200, Bodies.CHAT) : newApi(401, Bodies.NEW_API_401))).isZero();
        assertThat(cli.record(0).get("upstream_request_id").asText()).isEqualTo("20261127030405123456789abcdef");
        assertThat(cli.record(0).get("served_by").get("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");

        assertThat(check(expect, r -> canary(r) ? newApi(200, Bodies.CHAT.replace("gpt-4o-mini-2024-07-18", "deepseek-chat"))
                : newApi(401, Bodies.NEW_API_401))).isEqualTo(1);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("wrong_model");
    }

    @Test
    void anAnswerWithoutTheEvidenceAnExpectationNeedsHolds() {
        String expect = "gateway: cometapi\n    expect: {model_prefix: gpt-4o-mini}";
        int code = check(expect, r -> canary(r) ? newApi(200, Bodies.CHAT.replace("\"model\":\"gpt-4o-mini-2024-07-18\",", ""))
                : newApi(401, Bodies.NEW_API_401));

        assertThat(code).isEqualTo(2);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("upstream_unverifiable", "model_prefix_unverifiable");
    }

    // ---- Portkey: x-portkey-last-used-option-index ----

    private static MockResponse portkey(int code, String body, String index) {
        MockResponse.Builder b = json(code, body).addHeader("x-portkey-retry-attempt-count", "0")
                .addHeader("x-portkey-provider", "openai");
        return (index == null ? b : b.addHeader("x-portkey-last-used-option-index", index)).build();
    }

    @Test
    void portkeysOwnErrorStaysWithTheGatewayErrorReason() {
        int code = check("gateway: portkey", r -> portkey(500, Bodies.PORTKEY_HTML_MESSAGE_500, "config.targets[0]"));

        assertThat(code).isEqualTo(1);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("server_error", "gateway_error");
        assertThat(server.getRequestCount()).as("no client resend behind a gateway").isEqualTo(2);
    }

    @Test
    void portkeyWithoutItsIndexHeaderHoldsAndSaysWhichExpectation() {
        int code = check("gateway: portkey", r -> canary(r) ? portkey(200, Bodies.CHAT, null)
                : portkey(401, Bodies.OPENAI_401, null));

        assertThat(code).isEqualTo(2);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("upstream_unverifiable", "served_by_unverifiable");
        assertThat(cli.record(1).get("fallback_decision").asText()).as("the error path judges no served-by").isEqualTo("promote");
    }

    @Test
    void theGatewayCanFindTheCheckByItsCorrelationId() throws Exception {
        check("gateway: portkey", r -> canary(r) ? portkey(200, Bodies.CHAT, "config.targets[0]")
                : portkey(401, Bodies.OPENAI_401, "config.targets[0]"));

        RecordedRequest happy = server.takeRequest();
        RecordedRequest error = server.takeRequest();
        assertThat(happy.getHeaders().get("X-Request-Id")).isEqualTo(CHECK_ID + ".primary.happy-path");
        assertThat(happy.getHeaders().get("x-portkey-trace-id")).isEqualTo(CHECK_ID + ".primary.happy-path");
        assertThat(error.getHeaders().get("X-Request-Id")).isEqualTo(CHECK_ID + ".primary.error-path");
        assertThat(cli.record(0).get("correlation_id").asText()).isEqualTo(CHECK_ID + ".primary.happy-path");
        assertThat(cli.record(1).get("correlation_id").asText()).isEqualTo(CHECK_ID + ".primary.error-path");
    }

    // ---- one retry layer ----

    @Test
    void behindAGatewayRollforwardSendsEachAttemptOnceByDefault() {
        int code = check("gateway: litellm", r -> json(503, Bodies.OVERLOADED_503).build());

        assertThat(code).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(cli.record(0).get("sends")).hasSize(1);
        assertThat(cli.record(0).get("retry_count").asInt()).isZero();
    }

    @Test
    void withoutAGatewayTheRecordsCountEverySend() {
        int code = check("retry: {max_retries: 2, base_delay_ms: 100, max_delay_ms: 400}", r -> json(503, Bodies.OVERLOADED_503).build());

        assertThat(code).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(6);
        JsonNode happy = cli.record(0);
        assertThat(happy.get("sends").toString()).isEqualTo("[{\"status\":503,\"failure\":null,\"waited_ms\":0},"
                + "{\"status\":503,\"failure\":null,\"waited_ms\":100},{\"status\":503,\"failure\":null,\"waited_ms\":200}]");
        assertThat(happy.get("retry_count").asInt()).isEqualTo(2);
        assertThat(cli.record(2).get("retry_count").asInt()).isEqualTo(4);
    }

    // ---- headers_env: the gateway's key, sent and never shown ----

    private static final String GATEWAY_KEY = "pk-test-gw-0123456789abcdef";

    @Test
    void aHeadersEnvValueIsSentAndRedactedInEveryOutput() throws Exception {
        cli.env.put("PORTKEY_API_KEY", GATEWAY_KEY);
        Path log = cli.dir().resolve("evidence.jsonl");
        Path junit = cli.dir().resolve("junit.xml");
        Path md = cli.dir().resolve("ticket.md");
        Path summary = cli.dir().resolve("step-summary.md");
        cli.env.put("GITHUB_STEP_SUMMARY", summary.toString());
        // A careless gateway echoes its key: in a header, in the served-by header, in an error message.
        server.setDispatcher(Upstream.answering(r -> {
            String key = r.getHeaders().get("x-portkey-api-key");
            return canary(r)
                    ? json(200, Bodies.CHAT).addHeader("x-echo", key).addHeader("x-portkey-last-used-option-index",
                            "config.targets[1] " + key).build()
                    : json(503, "{\"error\":{\"message\":\"bad gateway key " + key + "\"}}").build();
        }));
        Path config = cli.write(RouteConfig.at(server).with("gateway: portkey")
                .with("headers_env: {x-portkey-api-key: PORTKEY_API_KEY}"));

        int code = cli.run("check", "--config", config.toString(), "--verbose", "--evidence-log", log.toString(),
                "--junit", junit.toString(), "--markdown", md.toString());

        assertThat(code).isEqualTo(1);
        assertThat(server.takeRequest().getHeaders().get("x-portkey-api-key")).isEqualTo(GATEWAY_KEY);
        assertThat(cli.stderr).contains("x-portkey-api-key").contains("x-echo");
        assertThat(cli.record(0).get("served_by").get("target").asText()).isEqualTo("config.targets[1] [REDACTED]");
        for (String shown : List.of(cli.stdout, cli.stderr, Files.readString(log), Files.readString(junit),
                Files.readString(md), Files.readString(summary))) {
            assertThat(shown).doesNotContain(GATEWAY_KEY).doesNotContain("0123456789abcdef");
        }
    }

    @Test
    void aHeadersEnvVariableThatIsNotSetStopsTheCheckBeforeAnythingIsSent() {
        cli.env.remove("PORTKEY_API_KEY");
        Path config = cli.write(RouteConfig.at(server).with("headers_env: {x-portkey-api-key: PORTKEY_API_KEY}"));

        assertThat(cli.run("check", "--config", config.toString())).isEqualTo(78);
        assertThat(cli.stderr.strip()).endsWith("routes.yaml:2: primary.headers_env: environment variable PORTKEY_API_KEY "
                + "(for header x-portkey-api-key) is not set; export it with the value to send");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void planShowsTheSecretHeaderMaskedWithItsVariableAndWhatEachExpectationIsComparedWith() {
        cli.env.put("PORTKEY_API_KEY", GATEWAY_KEY);
        Path config = cli.write(RouteConfig.at(server).with("gateway: portkey")
                .with("headers_env: {x-portkey-api-key: PORTKEY_API_KEY}"));

        assertThat(cli.run("plan", "--config", config.toString())).isZero();

        JsonNode happy = cli.record(0);
        assertThat(happy.get("headers").get("x-portkey-api-key").asText()).isEqualTo("[REDACTED]");
        assertThat(happy.get("headers").get("X-Request-Id").asText()).isEqualTo("{check_id}.primary.happy-path");
        assertThat(happy.get("headers").get("x-portkey-trace-id").asText()).isEqualTo("{check_id}.primary.happy-path");
        assertThat(happy.get("headers_env").toString()).isEqualTo("{\"x-portkey-api-key\":{\"env\":\"PORTKEY_API_KEY\",\"set\":true}}");
        assertThat(happy.get("gateway").asText()).isEqualTo("portkey");
        assertThat(happy.get("correlation_id").asText()).isEqualTo("{check_id}.primary.happy-path");
        assertThat(happy.get("retry").get("max_retries").asInt()).isZero();
        assertThat(happy.get("expect").get("served_by").asText()).isEqualTo("config.targets[0]");
        assertThat(happy.get("expect").get("upstream_host_compared_with").asText())
                .startsWith("the host rollforward sends to: with the default (the host of base_url) it always matches");
        assertThat(cli.record(1).get("correlation_id").asText()).isEqualTo("{check_id}.primary.error-path");
        assertThat(cli.stdout + cli.stderr).doesNotContain(GATEWAY_KEY);
        assertThat(server.getRequestCount()).isZero();

        cli.env.remove("PORTKEY_API_KEY");
        assertThat(cli.run("plan", "--config", config.toString())).isZero();
        assertThat(cli.record(0).get("headers_env").get("x-portkey-api-key").get("set").asBoolean()).isFalse();
        assertThat(cli.stderr).contains("env var PORTKEY_API_KEY (for header x-portkey-api-key) is not set");
    }

    @Test
    void planSaysBehindLiteLlmTheHostIsTheOneItReports() {
        Path config = cli.write(RouteConfig.at(server).with("gateway: litellm").with("expect: {upstream_host: api.openai.com}"));

        assertThat(cli.run("plan", "--config", config.toString())).isZero();
        assertThat(cli.record(0).get("expect").get("upstream_host_compared_with").asText())
                .isEqualTo("the host in x-litellm-model-api-base (the upstream the gateway called)");
        assertThat(cli.record(0).get("expect").get("no_fallback").asText())
                .isEqualTo("x-litellm-attempted-fallbacks must be 0 or absent");
    }

    // ---- validate: could a silent fallback pass? ----

    @Test
    void validateWarnsPerRouteAndSaysWhatToAddForItsGateway() throws Exception {
        Path config = cli.dir().resolve("gateways.yaml");
        StringBuilder yaml = new StringBuilder("routes:\n");
        String[][] routes = {{"plain", ""}, {"portkey", "gateway: portkey"}, {"litellm", "gateway: litellm"},
                {"comet", "gateway: cometapi"}, {"comet-model", "gateway: cometapi\n    expect: {model_prefix: gpt-4o-mini}"},
                {"labelled", "expect: {route_label_header: X-Route-Label}"}};
        for (String[] r : routes) {
            yaml.append("  - label: ").append(r[0]).append("\n    base_url: https://gw.example.net/v1\n")
                    .append("    request_family: chat\n    model: gpt-4o-mini\n    credential_env: TEST_CANARY_KEY\n");
            if (!r[1].isEmpty()) {
                yaml.append("    ").append(r[1]).append('\n');
            }
        }
        Files.writeString(config, yaml.toString());

        assertThat(cli.run("validate", "--config", config.toString())).isZero();
        assertThat(cli.stderrLinesWith("silent fallback")).containsExactly(
                "warning: plain: nothing configured can tell a silent fallback from the intended upstream (gateway: none); "
                        + "add expect.upstream_header, expect.route_label_header or expect.model_prefix",
                "warning: comet: nothing configured can tell a silent fallback from the intended upstream (gateway: new-api); "
                        + "add expect.model_prefix: new-api reports no served-by header, only the answer's model can tell");
        assertThat(cli.stderr.lines()).last().asString().startsWith("OK: ");
    }

    // ---- rehearsal ----

    @Test
    void theDemoRehearsesASilentFallbackAndAGatewaysOwnError() {
        assertThat(cli.run("demo", "--mode", "gateway-fell-back", "--quiet")).isEqualTo(1);
        JsonNode happy = cli.record(0);
        assertThat(Cli.reasons(happy)).containsExactly("wrong_model");
        assertThat(happy.get("served_by").get("model").asText()).isEqualTo("gpt-4.1-mini");

        assertThat(cli.run("demo", "--mode", "gateway-error", "--quiet")).isEqualTo(1);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("server_error");
        assertThat(cli.record(0).get("http_status").asInt()).isEqualTo(500);
    }

    @Test
    void theSandboxConfigsPortkeyRouteNamesTheFallbackTargetAndTheGatewaysOwnError() throws Exception {
        cli.env.put("ROLLFORWARD_SANDBOX_KEY", SandboxServer.CANARY_KEY);
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxMode.GATEWAY_FELL_BACK)) {
            assertThat(cli.run("check", "--config", sandboxConfig(sandbox).toString(), "--route", "sandbox-portkey"))
                    .isEqualTo(1);
            assertThat(Cli.reasons(cli.record(0))).containsExactly("gateway_fell_back");
            assertThat(cli.record(0).get("served_by").get("target").asText()).isEqualTo("config.targets[1]");
            assertThat(Cli.reasons(cli.record(1))).containsExactly("gateway_fell_back_on_error_path");
        }
        try (SandboxServer sandbox = SandboxServer.start(0, SandboxMode.GATEWAY_ERROR)) {
            assertThat(cli.run("check", "--config", sandboxConfig(sandbox).toString(), "--route", "sandbox-portkey"))
                    .isEqualTo(1);
            assertThat(Cli.reasons(cli.record(0))).containsExactly("server_error", "gateway_error");
        }
    }

    private Path sandboxConfig(SandboxServer sandbox) throws Exception {
        String yaml = Files.readString(Path.of("config/sandbox.yaml")).replace("http://127.0.0.1:8787/v1", sandbox.baseUrl());
        return Files.writeString(cli.dir().resolve("sandbox.yaml"), yaml);
    }
}
