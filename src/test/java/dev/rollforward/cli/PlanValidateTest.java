package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.nio.file.Files;
import java.nio.file.Path;

/** validate and plan send nothing, show no credential, and work without the env vars. */
class PlanValidateTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    private Path config;

    @BeforeEach
    void writeConfig() {
        config = cli.write(RouteConfig.at(server).family("responses").labelHeader());
    }

    @Test
    void planShowsBothPhasesRedactedAndSendsNothing() {
        int code = cli.run("plan", "--config", config.toString());

        assertThat(code).isZero();
        assertThat(server.getRequestCount()).isZero();
        assertThat(cli.stdoutLines()).hasSize(2);
        JsonNode happy = cli.record(0);
        assertThat(happy.get("phase").asText()).isEqualTo("happy-path");
        assertThat(happy.get("url").asText()).endsWith("/v1/responses");
        assertThat(happy.get("headers").get("Authorization").asText()).isEqualTo("Bearer [REDACTED]");
        assertThat(happy.get("headers").get("X-Route-Label").asText()).isEqualTo("primary");
        assertThat(happy.get("body").get("input").asText()).isNotEmpty();
        assertThat(happy.get("body").get("max_output_tokens").asInt()).isEqualTo(16);
        assertThat(happy.get("retry").get("max_retries").asInt()).isEqualTo(1);
        assertThat(happy.get("timeouts").get("request_ms").asInt()).isEqualTo(30000);
        assertThat(happy.get("credential_env_set").asBoolean()).isTrue();
        assertThat(cli.record(1).get("credential_env").asText()).isEqualTo(Cli.DISABLED_ENV);
        assertThat(cli.stdout + cli.stderr).doesNotContain(Cli.CANARY).doesNotContain(Cli.DISABLED);
    }

    @Test
    void planWorksWithEnvVarsUnsetOrBlankAndSaysWhichAreMissing() {
        cli.env.remove(Cli.CANARY_ENV);
        cli.env.put(Cli.DISABLED_ENV, "  ");
        assertThat(cli.run("plan", "--config", config.toString(), "--route", "primary")).isZero();
        assertThat(cli.stderr).contains("TEST_CANARY_KEY is not set")
                .contains("TEST_DISABLED_KEY is set but holds only whitespace");
        assertThat(cli.record(0).get("credential_env_set").asBoolean()).isFalse();
        assertThat(cli.record(1).get("credential_env_set").asBoolean()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void planOfAnUnknownRouteIsAConfigError() {
        assertThat(cli.run("plan", "--config", config.toString(), "--route", "nope")).isEqualTo(78);
        assertThat(cli.stderr).startsWith("rollforward: config error: ").contains("'nope'").contains("primary");
        assertThat(cli.stdout).isEmpty();
    }

    @Test
    void validatePrintsOneOkLine() {
        assertThat(cli.run("validate", "--config", config.toString())).isZero();
        assertThat(cli.stderr.lines()).containsExactly(
                "warning: primary: nothing configured can tell a silent fallback from the intended upstream (gateway: none); "
                        + "add expect.upstream_header, expect.route_label_header or expect.model_prefix",
                "OK: " + config + ": 1 route: primary (responses)");
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void validateWarnsOfUnsetOrBlankEnvVarsAndStillPasses() {
        cli.env.put(Cli.CANARY_ENV, "");
        cli.env.remove(Cli.DISABLED_ENV);
        assertThat(cli.run("validate", "--config", config.toString())).isZero();
        assertThat(cli.stderr.lines()).containsExactly(
                "warning: primary: env var TEST_CANARY_KEY is set but empty here; a check needs it",
                "warning: primary: env var TEST_DISABLED_KEY is not set here; a check needs it",
                "warning: primary: nothing configured can tell a silent fallback from the intended upstream (gateway: none); "
                        + "add expect.upstream_header, expect.route_label_header or expect.model_prefix",
                "OK: " + config + ": 1 route: primary (responses)");
    }

    @Test
    void validateReadsAJsonConfigToo() throws Exception {
        Path json = cli.dir().resolve("routes.json");
        Files.writeString(json, "{\"routes\": [{\"label\": \"primary\", \"base_url\": \"https://api.example.com/v1\","
                + " \"request_family\": \"chat\", \"model\": \"gpt-4o-mini\", \"credential_env\": \"TEST_CANARY_KEY\"}]}");
        assertThat(cli.run("validate", "--config", json.toString())).isZero();
        assertThat(cli.stderr.lines()).containsExactly(
                "warning: primary: nothing configured can tell a silent fallback from the intended upstream (gateway: none); "
                        + "add expect.upstream_header, expect.route_label_header or expect.model_prefix",
                "OK: " + json + ": 1 route: primary (chat)");
    }

    @Test
    void validateNamesFileLineAndKeyAndExits78() throws Exception {
        Path bad = cli.dir().resolve("bad.yaml");
        Files.writeString(bad, "routes:\n  - label: a\n    base_url: https://api.cometapi.com/v1\n    request_family: chat\n"
                + "    model: gpt-4o-mini\n    credential_env: K\n    retry: {max_retries: 5}\n");
        assertThat(cli.run("validate", "--config", bad.toString())).isEqualTo(78);
        assertThat(cli.stderr).startsWith("rollforward: config error: " + bad + ":7")
                .contains("routes[0].retry.max_retries").contains("overload");
        assertThat(cli.stderr.lines()).hasSize(1);
    }

    @Test
    void completionPrintsABashScript() {
        assertThat(cli.run("completion")).isZero();
        assertThat(cli.stdout).contains("complete -F").contains("rollforward");
    }
}
