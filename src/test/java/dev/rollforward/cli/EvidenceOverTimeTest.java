package dev.rollforward.cli;

import static dev.rollforward.cli.Upstream.canary;
import static dev.rollforward.cli.Upstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.check.Bodies;
import dev.rollforward.vocabulary.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CONTRACT §4 provenance, §8 previous and history, through the real commands as a second operator uses them. */
class EvidenceOverTimeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code printf %s sk-test-canary-0000000000000000000000aa | sha256sum | cut -c1-12} */
    private static final String CANARY_FINGERPRINT = "sha256:cccc103ede1a";

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();
    private Path config;
    private Path log;
    private Path md;

    @BeforeEach
    void files() {
        config = cli.write(RouteConfig.at(server).with("retry: {max_retries: 0}"));
        log = cli.dir().resolve("evidence.jsonl");
        md = cli.dir().resolve("ticket.md");
        server.setDispatcher(Upstream.healthy());
    }

    private int check(String checkId) {
        return cli.run("check", "--config", config.toString(), "--check-id", checkId, "--evidence-log", log.toString(),
                "--markdown", md.toString());
    }

    private JsonNode verdict() {
        return cli.record(2);
    }

    @Test
    void everyRecordCarriesTheToolVersionTheRouteDigestAndTheKeysFingerprint() {
        assertThat(cli.run("check", "--config", config.toString())).isZero();
        List<JsonNode> records = cli.records();
        assertThat(records).hasSize(3);
        String digest = records.get(0).get("route_digest").asText();
        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        for (JsonNode r : records) {
            assertThat(r.get("tool_version").asText()).isEqualTo(Version.get());
            assertThat(r.get("route_digest").asText()).isEqualTo(digest);
            assertThat(r.get("credential_fingerprint").asText()).isEqualTo(CANARY_FINGERPRINT);
        }
        assertThat(verdict().has("previous")).as("no evidence log: nothing to compare with").isFalse();
        assertThat(cli.stderr).doesNotContain("since").doesNotContain("earlier check");
    }

    /** The "done when": two checks, the model changed in the config between them. */
    @Test
    void aModelChangedBetweenTwoChecksShowsInPreviousTheMarkdownAndHistory() throws IOException {
        assertThat(check("night-1")).isZero();
        assertThat(verdict().get("previous").isNull()).isTrue();
        assertThat(cli.stderr).contains("  primary: no earlier check of this route in the evidence log\n");
        String digestBefore = verdict().get("route_digest").asText();

        Files.writeString(config, Files.readString(config).replace("model: gpt-4o-mini", "model: gpt-4.1-mini"));
        assertThat(check("night-2")).isZero();
        JsonNode previous = verdict().get("previous");
        String digestAfter = verdict().get("route_digest").asText();
        assertThat(digestAfter).isNotEqualTo(digestBefore);
        assertThat(previous.get("check_id").asText()).isEqualTo("night-1");
        assertThat(previous.get("fallback_decision").asText()).isEqualTo("promote");
        assertThat(JSON.convertValue(previous.get("changed"), List.class)).containsExactly(
                java.util.Map.of("field", "route_digest", "was", digestBefore, "now", digestAfter));
        String changedLine = "primary: changed since night-1 (promote, " + Cli.NOW + "): route_digest "
                + digestBefore.substring(0, 19) + " \u2192 " + digestAfter.substring(0, 19) + " (the route's config changed)";
        assertThat(cli.stderr).contains("  " + changedLine + "\n");
        assertThat(Files.readString(md)).contains("### Changed since the last check\n\n- " + changedLine + "\n");

        assertThat(cli.run("history", "--evidence-log", log.toString())).isZero();
        assertThat(cli.stdout).isEqualTo("primary: 2 checks\n"
                + Cli.NOW + "  night-1  promote  2xx   served_by -  retries 0  -\n"
                + Cli.NOW + "  night-2  promote  2xx   served_by -  retries 0  -  changed: " + changedLine.substring(changedLine.indexOf("route_digest")) + "\n");
        assertThat(cli.stderr).isEqualTo("history: 2 checks of 1 route in " + log + "\n");
    }

    @Test
    void anUnchangedRouteSaysNothingChanged() {
        check("night-1");
        check("night-2");
        assertThat(verdict().get("previous").get("changed").size()).isZero();
        assertThat(cli.stderr).contains("  primary: nothing changed since night-1 (promote, " + Cli.NOW + ")\n");
    }

    @Test
    void aChangedDecisionListsWhatTheUpstreamDidDifferently() {
        server.setDispatcher(Upstream.answering(r -> canary(r)
                ? json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"upstream_error\"}}") : json(401, Bodies.NEW_API_401)));
        assertThat(check("night-1")).isEqualTo(1);
        server.setDispatcher(Upstream.healthy());
        assertThat(check("night-2")).isZero();
        JsonNode previous = verdict().get("previous");
        assertThat(previous.get("fallback_decision").asText()).isEqualTo("stay");
        assertThat(previous.get("changed")).extracting(c -> c.get("field").asText())
                .containsExactly("fallback_decision", "http_status_class", "response_shape_seen", "served_by.model");
        assertThat(cli.stderr).contains("primary: changed since night-1 (stay, " + Cli.NOW
                + "): fallback_decision stay \u2192 promote, http_status_class 5xx \u2192 2xx, "
                + "response_shape_seen unexpected \u2192 expected, served_by.model (none) \u2192 gpt-4o-mini-2024-07-18\n");
    }

    @Test
    void aChangedCanaryKeyIsListedByFingerprintNeverByValue() {
        check("night-1");
        cli.env.put(Cli.CANARY_ENV, "sk-test-canary-rotated-0000000000000011");
        server.setDispatcher(Upstream.answering(r -> ("Bearer sk-test-canary-rotated-0000000000000011")
                .equals(r.getHeaders().get("Authorization")) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401)));
        assertThat(check("night-2")).isZero();
        JsonNode change = verdict().get("previous").get("changed").get(0);
        assertThat(change.get("field").asText()).isEqualTo("credential_fingerprint");
        assertThat(change.get("was").asText()).isEqualTo(CANARY_FINGERPRINT);
        assertThat(change.get("now").asText()).matches("sha256:[0-9a-f]{12}").isNotEqualTo(CANARY_FINGERPRINT);
        assertThat(cli.stdout + cli.stderr).doesNotContain("rotated");
    }

    @Test
    void historyAsJsonLinesForOneRoute() {
        check("night-1");
        check("night-2");
        assertThat(cli.run("history", "--evidence-log", log.toString(), "--route", "primary", "--json")).isZero();
        List<JsonNode> lines = cli.records();
        assertThat(lines).extracting(n -> n.get("check_id").asText()).containsExactly("night-1", "night-2");
        assertThat(lines.get(1).get("previous_check_id").asText()).isEqualTo("night-1");
        assertThat(lines.get(1).get("changed").size()).isZero();
        assertThat(lines.get(0).get("credential_fingerprint").asText()).isEqualTo(CANARY_FINGERPRINT);
    }

    @Test
    void historyOnATerminalIsColouredUnlessNoColorIsSet() {
        check("night-1");
        cli.stdoutIsTerminal = true;
        assertThat(cli.run("history", "--evidence-log", log.toString())).isZero();
        assertThat(cli.stdout).startsWith("\033[1mprimary: 1 check\033[0m\n").contains("\033[1;32mpromote\033[0m");
        cli.env.put("NO_COLOR", "1");
        assertThat(cli.run("history", "--evidence-log", log.toString())).isZero();
        assertThat(cli.stdout).doesNotContain("\033");
    }

    @Test
    void historySkipsAndCountsWhatIsNotARecordAndNamesARouteWithNoChecks() throws IOException {
        check("night-1");
        Files.writeString(log, "{\"level\":\"warn\",\"msg\":\"another tool\"}\n{\"record\":\"verdict\",\"route_label\":\"pri",
                StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(log);
        assertThat(cli.run("history", "--evidence-log", log.toString(), "--route", "primary", "--route", "typo")).isZero();
        assertThat(cli.stdout).startsWith("primary: 1 check\n");
        assertThat(cli.stderr.lines()).containsExactly(
                "history: 1 check of 1 route in " + log,
                "history: no check of route typo in " + log,
                "history: skipped 2 lines that are not a whole record (torn by a writer that stopped part way, or written by another tool)",
                "history: the last line of " + log + " has no line break: its writer stopped part way");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void historyOfAnEmptyLogSaysSo() throws IOException {
        Files.createFile(log);
        assertThat(cli.run("history", "--evidence-log", log.toString())).isZero();
        assertThat(cli.stdout).isEmpty();
        assertThat(cli.stderr).isEqualTo("history: " + log + " holds no checks yet\n");
    }

    @Test
    void historyOfAMissingLogOrAFolderIsExit66InOneLine() {
        Path missing = cli.dir().resolve("no-such.jsonl");
        assertThat(cli.run("history", "--evidence-log", missing.toString())).isEqualTo(66);
        assertThat(cli.stderr).isEqualTo("rollforward: cannot read evidence log " + missing
                + ": no such file; name the file that check --evidence-log wrote\n");
        assertThat(cli.stdout).isEmpty();
        assertThat(missing).doesNotExist();

        assertThat(cli.run("history", "--evidence-log", cli.dir().toString())).isEqualTo(66);
        assertThat(cli.stderr).isEqualTo("rollforward: cannot read evidence log " + cli.dir()
                + ": it is a folder; name the file that check --evidence-log wrote\n");
    }

    @Test
    void historyWithoutTheLogIsAUsageError() {
        assertThat(cli.run("history")).isEqualTo(64);
        assertThat(cli.stderr).startsWith("rollforward: Missing required option: '--evidence-log=FILE'\n");
    }

    @Test
    void helpNamesHistoryAndExit66() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.stdout).contains("  history ").contains("   66   history: the evidence log does not exist or cannot be read\n");
    }

    /** The handover question "which config was that?": plan shows the digest a check of that config records. */
    @Test
    void planShowsTheDigestThatACheckOfTheSameConfigRecords() throws IOException {
        assertThat(check("night-1")).isZero();
        String checked = verdict().get("route_digest").asText();
        assertThat(cli.run("plan", "--config", config.toString())).isZero();
        assertThat(cli.records()).extracting(r -> r.get("route_digest").asText()).containsExactly(checked, checked);

        Files.writeString(config, Files.readString(config).replace("model: gpt-4o-mini", "model: gpt-4.1-mini"));
        assertThat(cli.run("plan", "--config", config.toString())).isZero();
        assertThat(cli.record(0).get("route_digest").asText()).isNotEqualTo(checked);
    }
}
