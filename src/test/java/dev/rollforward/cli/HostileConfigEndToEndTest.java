package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.check.Bodies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, hostile configs, environments and upstreams, as a user meets them: through
 * {@code Main.run}, reading the exit code, stdout, stderr and what reached the server.
 */
class HostileConfigEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shaped like a generated key with no telling prefix; obviously not a real one. */
    private static final String BARE_KEY = "fAkE0tEsT1kEy2NoT3rEaL4xYz";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final Cli cli = new Cli();

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
        return ("Bearer " + Cli.CANARY).equals(r.getHeaders().get("Authorization"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private String route(String label, String family, String extra) {
        return "  - label: " + label + "\n"
                + "    base_url: " + server.url("/v1") + "\n"
                + "    request_family: " + family + "\n"
                + "    model: gpt-4o-mini\n"
                + "    credential_env: TEST_CANARY_KEY\n"
                + "    disabled_credential_env: TEST_DISABLED_KEY\n"
                + "    timeouts: {connect_ms: 1000, request_ms: 2000}\n"
                + "    retry: {max_retries: 1, base_delay_ms: 100, max_delay_ms: 400, max_retry_after_ms: 5000}\n"
                + extra;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path config(String extra) throws IOException {
        return write("routes.yaml", "routes:\n" + route("primary", "chat", extra));
    }

    private List<JsonNode> records() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : cli.stdoutLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    // ---- 8: a key without the sk- look ----

    @Test
    void aBareKeyInAHeaderIsRefusedByValidateAndNeverPrintedByPlan() throws IOException {
        Path p = config("    headers: {X-Upstream-Route: " + BARE_KEY + "}\n");

        assertThat(cli.run("validate", "--config", p.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("routes[0].headers.X-Upstream-Route: looks like a credential");
        assertThat(cli.stdout + cli.stderr).doesNotContain(BARE_KEY);

        assertThat(cli.run("plan", "--config", p.toString())).isEqualTo(78);
        assertThat(cli.stdout).isEmpty();
        assertThat(cli.stderr).doesNotContain(BARE_KEY);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aConfigValueEqualToARouteKeyIsRefusedByValidatePlanAndCheckWithoutShowingIt() throws IOException {
        // A key with no key-like look at all: only its equality with the env var can catch it.
        String plain = "plainvalue1234";
        cli.env.put("TEST_CANARY_KEY", plain);
        Path p = config("    headers: {X-Note: " + plain + "}\n");

        for (String command : new String[] {"validate", "plan", "check"}) {
            assertThat(cli.run(command, "--config", p.toString())).as(command).isEqualTo(78);
            assertThat(cli.stderr).as(command).contains("routes[0].headers.X-Note: holds the value of env var TEST_CANARY_KEY");
            assertThat(cli.stdout + cli.stderr).as(command).doesNotContain(plain);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBareKeyInTheUrlPathIsRefusedBeforeAnythingIsSent() throws IOException {
        Path p = write("routes.yaml", "routes:\n"
                + route("primary", "chat", "").replace(server.url("/v1").toString(), server.url("/" + BARE_KEY + "/v1").toString()));

        assertThat(cli.run("check", "--config", p.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("routes[0].base_url: looks like a credential").doesNotContain(BARE_KEY);
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- 10: one config per file ----

    @Test
    void aSecondYamlDocumentIsAConfigErrorNotMissingRoutes() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401));
        Path p = write("routes.yaml", "routes:\n" + route("first", "chat", "") + "---\nroutes:\n" + route("second", "responses", ""));

        assertThat(cli.run("check", "--config", p.toString(), "--all")).isEqualTo(78);
        assertThat(cli.stderr).contains(p + ":11: starts a second YAML document");
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();

        assertThat(cli.run("validate", "--config", p.toString())).isEqualTo(78);
    }

    @Test
    void moreAfterTheJsonObjectIsAConfigError() throws IOException {
        String one = "{\"routes\": [{\"label\": \"first\", \"base_url\": \"" + server.url("/v1") + "\", \"request_family\": \"chat\","
                + " \"model\": \"gpt-4o-mini\", \"credential_env\": \"TEST_CANARY_KEY\"}]}";
        Path p = write("routes.json", one + "\n" + one.replace("first", "second") + "\n");

        assertThat(cli.run("validate", "--config", p.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains(p + ":2: has more after the config's JSON object");
    }

    @Test
    void anAliasIsRefusedNotSentAsItsName() throws IOException {
        Path p = write("routes.yaml", "x-model: &m gpt-4o-mini\nroutes:\n"
                + route("primary", "chat", "").replace("model: gpt-4o-mini", "model: *m"));

        assertThat(cli.run("check", "--config", p.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("routes[0].model: is a YAML alias (*m)");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- 11: a byte order mark ----

    @Test
    void aJsonConfigWithAByteOrderMarkIsChecked() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401));
        String text = "\uFEFF{\"routes\": [{\"label\": \"primary\", \"base_url\": \"" + server.url("/v1")
                + "\", \"request_family\": \"chat\", \"model\": \"gpt-4o-mini\", \"credential_env\": \"TEST_CANARY_KEY\","
                + " \"disabled_credential_env\": \"TEST_DISABLED_KEY\"}]}";
        Path p = dir.resolve("routes.json");
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));

        assertThat(cli.run("validate", "--config", p.toString())).isZero();
        assertThat(cli.run("check", "--config", p.toString())).isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // ---- 12 and 7: the environment ----

    @Test
    void aLineBreakInTheDisabledKeyIsBlamedOnItsVariable() throws IOException {
        cli.env.put("TEST_DISABLED_KEY", "sk-test-disabled-0000\n0000");

        assertThat(cli.run("check", "--config", config("").toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("primary.disabled_credential_env: environment variable TEST_DISABLED_KEY holds a line break")
                .doesNotContain("sk-test-disabled");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anEmptyVariableIsSaidToBeSetButEmpty() throws IOException {
        cli.env.put("TEST_CANARY_KEY", "");

        assertThat(cli.run("check", "--config", config("").toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("environment variable TEST_CANARY_KEY is set but empty");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- 7: the config file itself ----

    @Test
    void aDirectoryAsConfigIsNamedAsOne() {
        assertThat(cli.run("validate", "--config", dir.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains(dir + ": is a directory; pass the route config file itself");
    }

    @Test
    void aTabIsReportedOnItsLineWithWhatIsWrong() throws IOException {
        Path p = write("routes.yaml", "routes:\n" + route("primary", "chat", "    headers:\n\tX-Route-Label: primary\n"));

        assertThat(cli.run("validate", "--config", p.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains(p + ":11: not valid YAML at column 1: found character '\\t(TAB)' that cannot start any token");
    }

    // ---- 15: a 200 with the success shape and an error ----

    @Test
    void aChatAnswerCarryingAnErrorHolds() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.CHAT_WITH_ERROR) : json(401, Bodies.NEW_API_401));

        assertThat(cli.run("check", "--config", config("").toString())).isEqualTo(2);
        List<JsonNode> records = records();
        assertThat(records.get(0).get("response_shape_seen").asText()).isEqualTo("unexpected");
        assertThat(records.get(0).get("reasons").toString()).isEqualTo("[\"unexpected_shape\"]");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("hold");
    }

    @Test
    void aFailedResponseHolds() throws IOException {
        answer(r -> canary(r) ? json(200, Bodies.RESPONSE_FAILED) : json(401, Bodies.NEW_API_401));
        Path p = write("routes.yaml", "routes:\n" + route("primary", "responses", ""));

        assertThat(cli.run("check", "--config", p.toString())).isEqualTo(2);
        assertThat(records().get(0).get("completion_marker").asText()).isEqualTo("failed");
    }

    // ---- 14: a server that closed the idle keep-alive connection ----

    @Test
    void aServerClosingItsIdleConnectionGivesNoFalseHold() throws IOException {
        answer(r -> canary(r)
                ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(Bodies.CHAT)
                        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build()
                : json(401, Bodies.NEW_API_401));

        assertThat(cli.run("check", "--config", config("").toString())).isZero();
        List<JsonNode> records = records();
        assertThat(records.get(1).get("phase").asText()).isEqualTo("error-path");
        assertThat(records.get(1).get("retry_count").asInt()).isZero();
        assertThat(records.get(1).get("reasons").toString()).isEqualTo("[]");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("promote");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // ---- 16: the reason says what rollforward did, and why ----

    @Test
    void aResendAfterRollforwardsOwnFailedSendIsNamedAsSuch() throws IOException {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("Connection", "close").body(Bodies.CHAT).build());
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(401, Bodies.NEW_API_401));

        assertThat(cli.run("check", "--config", config("").toString())).isEqualTo(2);
        List<JsonNode> records = records();
        assertThat(records.get(1).get("reasons").toString()).isEqualTo("[\"resent_after_no_response\"]");
        assertThat(records.get(1).get("retry_count").asInt()).isEqualTo(1);
        assertThat(records.get(2).get("reasons").toString()).isEqualTo("[\"error-path:resent_after_no_response\"]");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aResendAfterTheRouteAnsweredIsNamedApart() throws IOException {
        server.enqueue(json(200, Bodies.CHAT));
        server.enqueue(json(503, Bodies.OVERLOADED_503));
        server.enqueue(json(401, Bodies.NEW_API_401));

        assertThat(cli.run("check", "--config", config("").toString())).isEqualTo(2);
        assertThat(records().get(1).get("reasons").toString()).isEqualTo("[\"resent_after_retryable_status\"]");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
