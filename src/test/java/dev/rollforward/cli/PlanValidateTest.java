package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and plan send nothing, show no credential, and work without the env vars. */
class PlanValidateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final CliHarness cli = new CliHarness();
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        config = dir.resolve("routes.json");
        Files.writeString(config, "{\"routes\": [{\"label\": \"primary\", \"base_url\": \"" + server.url("/v1")
                + "\", \"request_family\": \"responses\", \"model\": \"gpt-4o-mini\", \"credential_env\": \"TEST_CANARY_KEY\","
                + " \"disabled_credential_env\": \"TEST_DISABLED_KEY\", \"headers\": {\"X-Route-Label\": \"primary\"}}]}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void planShowsBothPhasesRedactedAndSendsNothing() throws Exception {
        int code = cli.run("plan", "--config", config.toString());

        assertThat(code).isZero();
        assertThat(server.getRequestCount()).isZero();
        assertThat(cli.stdoutLines()).hasSize(2);
        JsonNode happy = JSON.readTree(cli.stdoutLines().get(0));
        assertThat(happy.get("phase").asText()).isEqualTo("happy-path");
        assertThat(happy.get("url").asText()).endsWith("/v1/responses");
        assertThat(happy.get("headers").get("Authorization").asText()).isEqualTo("Bearer [REDACTED]");
        assertThat(happy.get("headers").get("X-Route-Label").asText()).isEqualTo("primary");
        assertThat(happy.get("body").get("input").asText()).isNotEmpty();
        assertThat(happy.get("body").get("max_output_tokens").asInt()).isEqualTo(16);
        assertThat(happy.get("retry").get("max_retries").asInt()).isEqualTo(1);
        assertThat(happy.get("timeouts").get("request_ms").asInt()).isEqualTo(30000);
        assertThat(happy.get("credential_env_set").asBoolean()).isTrue();
        assertThat(JSON.readTree(cli.stdoutLines().get(1)).get("credential_env").asText()).isEqualTo("TEST_DISABLED_KEY");
        assertThat(cli.stdout + cli.stderr).doesNotContain(CliHarness.CANARY).doesNotContain(CliHarness.DISABLED);
    }

    @Test
    void planWorksWithEnvVarsUnsetAndSaysWhichAreMissing() throws Exception {
        cli.env.clear();
        assertThat(cli.run("plan", "--config", config.toString(), "--route", "primary")).isZero();
        assertThat(cli.stderr).contains("TEST_CANARY_KEY is not set").contains("TEST_DISABLED_KEY is not set");
        assertThat(JSON.readTree(cli.stdoutLines().get(0)).get("credential_env_set").asBoolean()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void validatePrintsOneOkLine() {
        assertThat(cli.run("validate", "--config", config.toString())).isZero();
        assertThat(cli.stderr).contains("OK: ").contains("1 route: primary (responses)");
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void validateNamesFileLineAndKeyAndExits78() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "routes:\n  - label: a\n    base_url: https://api.cometapi.com/v1\n    request_family: chat\n"
                + "    model: gpt-4o-mini\n    credential_env: K\n    retry: {max_retries: 5}\n");
        assertThat(cli.run("validate", "--config", bad.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("bad.yaml:7").contains("routes[0].retry.max_retries").contains("overload");
        assertThat(cli.stderr.lines().count()).isEqualTo(1);
    }

    @Test
    void completionPrintsABashScript() {
        assertThat(cli.run("completion")).isZero();
        assertThat(cli.stdout).contains("complete -F").contains("rollforward");
    }
}
