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
    void healthyDemoPromotesBothRoutesAndExplainsItself() {
        assertThat(cli.run("demo")).isZero();

        List<JsonNode> records = cli.records();
        assertThat(records).hasSize(6);
        assertThat(records).extracting(r -> r.get("route_label").asText()).containsExactly(
                "sandbox-chat", "sandbox-chat", "sandbox-chat", "sandbox-responses", "sandbox-responses", "sandbox-responses");
        assertThat(records).extracting(r -> r.get("fallback_decision").asText()).containsOnly("promote");
        List<String> lines = cli.stderr.lines().toList();
        assertThat(lines.get(0)).matches("rollforward demo: a sandbox upstream \\(mode healthy\\) is serving http://127\\.0\\.0\\.1:\\d+/v1");
        assertThat(lines.get(4)).isEqualTo("rollforward check route-rollforward-check-20261127-0304: 2 routes from demo (built in)"
                + " (happy path with the canary key, then error path with the disabled key)");
        assertThat(lines).contains("2 routes checked: 2 promote, 0 stay, 0 hold");
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
                .extracting(r -> r.get("fallback_decision").asText()).containsExactly("stay", "stay");
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
        for (String family : List.of("chat", "responses")) {
            yaml.append("  - label: sandbox-").append(family).append('\n')
                    .append("    base_url: ").append(baseUrl).append('\n')
                    .append("    request_family: ").append(family).append('\n')
                    .append("    model: gpt-4o-mini\n")
                    .append("    credential_env: ROLLFORWARD_SANDBOX_KEY\n")
                    .append("    headers: {X-Route-Label: sandbox-").append(family).append("}\n")
                    .append("    expect: {upstream_header: {name: X-Upstream, value: sandbox}, route_label_header: X-Route-Label,"
                            + " model_prefix: gpt-4o-mini}\n")
                    .append("    timeouts: {connect_ms: 2000, request_ms: 3000}\n");
        }
        RouteFile loaded = ConfigLoader.parse(DemoRoutes.SOURCE, yaml.toString());

        assertThat(DemoRoutes.of(baseUrl)).usingRecursiveComparison().ignoringFields("routes.line").isEqualTo(loaded);
    }
}
