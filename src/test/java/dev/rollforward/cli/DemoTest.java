package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.RouteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;

/** {@code rollforward demo}: a whole check against the in-process sandbox, with nothing to set up. */
class DemoTest {

    @RegisterExtension
    final Cli cli = new Cli();

    @Test
    void healthyDemoPromotesEveryFamilyPlainAndStreamingAndExplainsItself() {
        assertThat(cli.run("demo")).isZero();

        List<JsonNode> records = cli.records();
        assertThat(records).hasSize(18);
        assertThat(records).filteredOn(r -> r.get("record").asText().equals("verdict"))
                .extracting(r -> r.get("route_label").asText() + " " + r.get("request_family").asText() + " " + r.get("stream"))
                .containsExactly("sandbox-chat chat false", "sandbox-responses responses false",
                        "sandbox-messages messages false", "sandbox-chat-stream chat true",
                        "sandbox-responses-stream responses true", "sandbox-messages-stream messages true");
        assertThat(records).extracting(r -> r.get("fallback_decision").asText()).containsOnly("promote");
        assertThat(records).filteredOn(r -> r.get("record").asText().equals("attempt")
                        && r.get("phase").asText().equals("happy-path") && r.get("stream").asBoolean())
                .extracting(r -> r.get("stream_end").asText()).containsExactly("done", "completed", "message_stop");
        List<String> lines = cli.stderr.lines().toList();
        assertThat(lines.get(0)).matches("rollforward demo: a sandbox upstream \\(mode healthy\\) is serving http://127\\.0\\.0\\.1:\\d+/v1");
        assertThat(lines.get(4)).isEqualTo("rollforward check route-rollforward-check-20261127-0304: 6 routes from demo (built in)"
                + " (happy path with the canary key, then error path with the disabled key)");
        assertThat(lines).contains("6 routes checked: 6 promote, 0 stay, 0 hold");
        assertThat(lines.subList(lines.size() - 3, lines.size())).containsExactly(
                "Exit 0 = pass: every verdict is promote.",
                "The JSON lines on stdout are the records a CI job or evidence log keeps; pipe them to jq.",
                "Rehearse another outcome: bin/rollforward demo --mode overloaded   (or hang, accepts-any-key, ...: see "
                        + "bin/rollforward demo --help)");
    }

    @Test
    void quietDemoOfAnOverloadedUpstreamIsStayWithOnlyRecords() {
        assertThat(cli.run("demo", "--mode", "overloaded", "--quiet")).isEqualTo(1);
        assertThat(cli.stderr).isEmpty();
        assertThat(cli.records()).filteredOn(r -> r.get("record").asText().equals("verdict"))
                .extracting(r -> r.get("fallback_decision").asText()).containsOnly("stay").hasSize(6);
    }

    /** The README's exit codes for the stream modes: only the streaming routes notice. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "stream-cut, 2, hold, stream_cut_short",
            "stream-buffered, 2, hold, not_a_stream",
            "stream-error, 1, stay, stream_error"})
    void streamModesFailOnlyTheStreamingRoutes(String mode, int exit, String decision, String reason) {
        assertThat(cli.run("demo", "--mode", mode, "--quiet")).isEqualTo(exit);
        List<JsonNode> verdicts = cli.records().stream().filter(r -> r.get("record").asText().equals("verdict")).toList();
        assertThat(verdicts).filteredOn(r -> r.get("stream").asBoolean())
                .allSatisfy(r -> {
                    assertThat(r.get("fallback_decision").asText()).isEqualTo(decision);
                    assertThat(r.get("reasons").toString()).contains("happy-path:" + reason);
                }).hasSize(3);
        assertThat(verdicts).filteredOn(r -> !r.get("stream").asBoolean())
                .extracting(r -> r.get("fallback_decision").asText()).containsOnly("promote").hasSize(3);
        assertThat(cli.stdout).doesNotContain("\"ok\"").doesNotContain("delta").doesNotContain("[DONE]");
    }

    @Test
    void theDemoNeverGoesThroughTheUsersProxy() {
        cli.env.put("HTTP_PROXY", "http://proxy.invalid:3128");
        cli.env.put("all_proxy", "http://proxy.invalid:3128");
        assertThat(cli.run("demo", "--quiet")).isZero();
    }

    @Test
    void theDemoRoutesAreWhatTheSameConfigWrittenByHandLoadsAs() throws Exception {
        String baseUrl = "http://127.0.0.1:8787/v1";
        StringBuilder yaml = new StringBuilder("routes:\n");
        for (String label : List.of("chat", "responses", "messages", "chat-stream", "responses-stream", "messages-stream")) {
            String family = label.replace("-stream", "");
            yaml.append("  - label: sandbox-").append(label).append('\n')
                    .append("    base_url: ").append(baseUrl).append('\n')
                    .append("    request_family: ").append(family).append('\n')
                    .append("    model: gpt-4o-mini\n")
                    .append("    credential_env: ROLLFORWARD_SANDBOX_KEY\n")
                    .append(label.endsWith("-stream") ? "    stream: true\n" : "")
                    .append("    headers: {X-Route-Label: sandbox-").append(label).append("}\n")
                    .append("    expect: {upstream_header: {name: X-Upstream, value: sandbox}, route_label_header: X-Route-Label,"
                            + " model_prefix: gpt-4o-mini}\n")
                    .append("    timeouts: {connect_ms: 2000, request_ms: 3000}\n");
        }
        RouteFile loaded = ConfigLoader.parse(DemoRoutes.SOURCE, yaml.toString());

        assertThat(DemoRoutes.of(baseUrl)).usingRecursiveComparison().ignoringFields("routes.line").isEqualTo(loaded);
    }
}
