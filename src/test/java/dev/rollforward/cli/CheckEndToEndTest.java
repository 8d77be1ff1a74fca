package dev.rollforward.cli;

import static dev.rollforward.cli.Upstream.canary;
import static dev.rollforward.cli.Upstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.check.Bodies;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole tool through {@code Main.run}: exit code, stdout records, stderr, requests at the server. */
class CheckEndToEndTest {

    static final List<String> TEMPLATE_FIELDS = List.of("check_id", "route_label", "request_family",
            "http_status_class", "response_shape_seen", "fallback_decision", "retry_count", "operator_result", "review_link");
    private static final String REVIEW_LINK = "https://tickets.example.com/ROUTE-1";

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    /** One route at the mock: request_ms 2000, one retry, and a config-wide review link. */
    private RouteConfig route(String family) {
        return RouteConfig.at(server).family(family).reviewLink(REVIEW_LINK)
                .with("retry: {max_retries: 1, base_delay_ms: 100, max_delay_ms: 400, max_retry_after_ms: 5000}");
    }

    private RouteConfig chatRoute() {
        return route("chat").with("timeouts: {connect_ms: 1000, request_ms: 2000}");
    }

    private Path chatConfig() {
        return cli.write(chatRoute());
    }

    @Test
    void healthyChatRoutePromotesAndExitsZero() {
        server.setDispatcher(Upstream.healthy());
        int code = cli.run("check", "--config", chatConfig().toString(), "--check-id", "chk-1");

        assertThat(code).isZero();
        List<JsonNode> records = cli.records();
        assertThat(records).hasSize(3);
        for (JsonNode r : records) {
            assertThat(TEMPLATE_FIELDS).allSatisfy(f -> assertThat(r.has(f)).as(f).isTrue());
            assertThat(r.get("schema_version").asInt()).isEqualTo(1);
            assertThat(r.get("check_id").asText()).isEqualTo("chk-1");
            assertThat(r.get("review_link").asText()).isEqualTo(REVIEW_LINK);
        }
        assertThat(records.get(0).get("phase").asText()).isEqualTo("happy-path");
        assertThat(records.get(0).get("http_status_class").asText()).isEqualTo("2xx");
        assertThat(records.get(0).get("completion_marker").asText()).isEqualTo("stop");
        assertThat(records.get(0).get("usage_present").asBoolean()).isTrue();
        assertThat(records.get(0).get("upstream_request_id").asText()).isEqualTo(Upstream.REQUEST_ID);
        assertThat(records.get(1).get("phase").asText()).isEqualTo("error-path");
        assertThat(records.get(1).get("http_status").asInt()).isEqualTo(401);
        assertThat(records.get(1).get("response_shape_seen").asText()).isEqualTo("expected");
        assertThat(records.get(2).get("record").asText()).isEqualTo("verdict");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("promote");
        assertThat(records.get(2).get("operator_result").asText()).isEqualTo("pass");
        assertThat(records.get(2).get("reasons")).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(cli.stderr).contains("happy-path").contains("promote: traffic may roll forward");
        assertThat(cli.stdout + cli.stderr).doesNotContain(Cli.CANARY).doesNotContain(Cli.DISABLED)
                .doesNotContain("Reply with the single word");
    }

    @Test
    void responsesRouteAcceptsOneApiErrorWithoutCode() throws Exception {
        server.setDispatcher(Upstream.answering(r -> canary(r) ? json(200, Bodies.RESPONSE) : json(401, Bodies.ONE_API_401)));
        assertThat(cli.run("check", "--config", cli.write(route("responses")).toString())).isZero();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/responses");
        assertThat(cli.record(0).get("check_id").asText()).isEqualTo("route-rollforward-check-20261127-0304");
    }

    @Test
    void defaultCheckIdIsTheRunsStartInUtc() {
        server.setDispatcher(Upstream.healthy());
        cli.clock = Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneId.of("Asia/Tokyo"));
        assertThat(cli.run("check", "--config", chatConfig().toString())).isZero();
        assertThat(cli.records()).extracting(r -> r.get("check_id").asText())
                .containsOnly("route-rollforward-check-20261231-2359");
    }

    @Test
    void overloadedUpstreamIsStayAndExitsOneAfterBoundedRetries() {
        server.setDispatcher(Upstream.answering(r -> json(503, Bodies.OVERLOADED_503)));
        int code = cli.run("check", "--config", chatConfig().toString());

        assertThat(code).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(4); // 2 attempts x (1 + max_retries 1)
        List<JsonNode> records = cli.records();
        assertThat(records.get(0).get("retry_count").asInt()).isEqualTo(1);
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("stay");
        assertThat(records.get(2).get("operator_result").asText()).isEqualTo("fail");
        assertThat(records.get(2).get("retry_count").asInt()).isEqualTo(2);
        assertThat(cli.pacer.sleeps()).hasSize(2);
    }

    @Test
    void hangingUpstreamIsHoldAndExitsTwo() {
        server.setDispatcher(Upstream.answering(r -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build()));
        Path cfg = cli.write(route("chat").with("timeouts: {connect_ms: 1000, request_ms: 300}"));
        int code = cli.run("check", "--config", cfg.toString());

        assertThat(code).isEqualTo(2);
        List<JsonNode> records = cli.records();
        assertThat(records.get(0).get("http_status_class").asText()).isEqualTo("none");
        assertThat(records.get(0).get("http_status").isNull()).isTrue();
        assertThat(records.get(0).get("response_shape_seen").asText()).isEqualTo("none");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("hold");
        assertThat(records.get(2).get("operator_result").asText()).isEqualTo("fail");
    }

    @Test
    void disabledKeyAcceptedIsStay() {
        server.setDispatcher(Upstream.answering(r -> json(200, Bodies.CHAT)));
        assertThat(cli.run("check", "--config", chatConfig().toString())).isEqualTo(1);
        assertThat(cli.record(1).get("reasons").toString()).contains("disabled_credential_accepted");
    }

    @Test
    void configErrorExits78AndSendsNothing() {
        Path cfg = cli.write(route("chat").with("retry_policy: {}"));
        assertThat(cli.run("check", "--config", cfg.toString())).isEqualTo(78);
        assertThat(cli.stderr).startsWith("rollforward: config error: " + cfg + ":")
                .contains("routes[0].retry_policy").contains("unknown key");
        assertThat(cli.stderr.lines()).hasSize(1);
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void missingEnvVarExits78NamingItAndSendsNothing() {
        cli.env.remove(Cli.CANARY_ENV);
        assertThat(cli.run("check", "--config", chatConfig().toString())).isEqualTo(78);
        assertThat(cli.stderr).startsWith("rollforward: config error: ").contains(Cli.CANARY_ENV).contains("not set");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownRouteExits78() {
        assertThat(cli.run("check", "--config", chatConfig().toString(), "--route", "nope")).isEqualTo(78);
        assertThat(cli.stderr).startsWith("rollforward: config error: ").contains("nope").contains("primary");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownOptionIsUsageError64WithOneLine() {
        assertThat(cli.run("check", "--config", "routes.yaml", "--colour")).isEqualTo(64);
        assertThat(cli.stderr.lines()).containsExactly("rollforward: Unknown option: '--colour'",
                "Possible solutions: --config, --concurrency", "Try 'bin/rollforward check --help' for the options.");
        assertThat(cli.stdout).isEmpty();
    }

    @Test
    void reviewLinkOptionOverridesConfigAndNullWithout() {
        server.setDispatcher(Upstream.healthy());
        Path cfg = chatConfig();
        assertThat(cli.run("check", "--config", cfg.toString(), "--review-link", "https://review.example.com/7")).isZero();
        assertThat(cli.record(0).get("review_link").asText()).isEqualTo("https://review.example.com/7");
        cli.write(chatRoute().reviewLink(null));
        assertThat(cli.run("check", "--config", cfg.toString())).isZero();
        assertThat(cli.record(0).get("review_link").isNull()).isTrue();
    }

    @Test
    void quietLeavesStderrEmptyOnSuccess() {
        server.setDispatcher(Upstream.healthy());
        assertThat(cli.run("check", "--config", chatConfig().toString(), "--quiet")).isZero();
        assertThat(cli.stderr).isEmpty();
        assertThat(cli.stdoutLines()).hasSize(3);
    }

    @Test
    void helpListsExitCodesAndVersionPrints() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.stdout).contains("Exit codes:\n    0   pass: every verdict is promote\n")
                .contains("\n   64   usage error").contains("\n   78   config error")
                .contains("hold: some verdict is hold");
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.stdout).startsWith("rollforward ");
    }

    @Test
    void subcommandHelpListsTheExitCodesToo() {
        assertThat(cli.run("check", "--help")).isZero();
        assertThat(cli.stdout).contains("Exit codes:\n    0   pass: every verdict is promote\n")
                .contains("\n   70   internal error");
    }
}
