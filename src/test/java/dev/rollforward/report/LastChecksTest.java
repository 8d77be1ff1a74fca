package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.vocabulary.Previous;
import dev.rollforward.vocabulary.Provenance;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.TestRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §8: each verdict's previous is the route's last whole verdict in the log, and what changed since. */
class LastChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One run as CheckSession does it: read the log's tail first, then append each route with its previous. */
    private List<JsonNode> check(Path log, String checkId, RouteResult... routes) throws IOException {
        RecordJson json = new RecordJson(checkId, Results.REDACTOR);
        EvidenceLog sink = new EvidenceLog(log, json, Results.REDACTOR);
        sink.checkWritable();
        LastChecks last = LastChecks.read(log, java.util.Arrays.stream(routes).map(RouteResult::label).toList());
        List<JsonNode> verdicts = new java.util.ArrayList<>();
        for (RouteResult r : routes) {
            RouteResult withPrevious = last.attach(r, json);
            sink.accept(withPrevious);
            verdicts.add(JSON.readTree(json.verdict(withPrevious)));
        }
        return verdicts;
    }

    private static RouteResult withProvenance(RouteResult r, Provenance p) {
        return new RouteResult(r.label(), r.family(), r.reviewLink(), r.attempts(), r.startedAt(), r.durationMs(), p);
    }

    private static List<Map<String, Object>> changed(JsonNode verdict) {
        return JSON.convertValue(verdict.get("previous").get("changed"), List.class);
    }

    @Test
    void theFirstCheckOfARouteSaysItHasNone() throws IOException {
        JsonNode verdict = check(dir.resolve("log.jsonl"), "run-1", Results.promote("a", RequestFamily.CHAT, null)).get(0);
        assertThat(verdict.has("previous")).isTrue();
        assertThat(verdict.get("previous").isNull()).isTrue();
    }

    @Test
    void anUnchangedRouteNamesItsLastCheckAndNothingChanged() throws IOException {
        Path log = dir.resolve("log.jsonl");
        check(log, "run-1", Results.promote("a", RequestFamily.CHAT, null));
        JsonNode previous = check(log, "run-2", Results.promote("a", RequestFamily.CHAT, null)).get(0).get("previous");
        assertThat(previous.get("check_id").asText()).isEqualTo("run-1");
        assertThat(previous.get("started_at").asText()).isEqualTo("2026-11-27T03:04:05Z");
        assertThat(previous.get("fallback_decision").asText()).isEqualTo("promote");
        assertThat(previous.get("changed").size()).isZero();
    }

    @Test
    void aChangedDecisionListsTheDecisionAndWhatWasSeen() throws IOException {
        Path log = dir.resolve("log.jsonl");
        check(log, "run-1", Results.hold("a", null));
        JsonNode verdict = check(log, "run-2", Results.promote("a", RequestFamily.RESPONSES, null)).get(0);
        assertThat(verdict.get("previous").get("fallback_decision").asText()).isEqualTo("hold");
        assertThat(changed(verdict)).containsExactly(
                Map.of("field", "fallback_decision", "was", "hold", "now", "promote"),
                Map.of("field", "http_status_class", "was", "4xx", "now", "2xx"),
                Map.of("field", "response_shape_seen", "was", "unexpected", "now", "expected"),
                changedTo("served_by.model", null, "gpt-4o-mini-2024-07-18"));
    }

    /** One {@code changed} entry; a map that can hold null, as the JSON does. */
    private static Map<String, Object> changedTo(String field, String was, String now) {
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("field", field);
        change.put("was", was);
        change.put("now", now);
        return change;
    }

    @Test
    void aChangedConfigKeyOrVersionIsListedByItsProvenanceField() throws IOException {
        Path log = dir.resolve("log.jsonl");
        check(log, "run-1", Results.promote("a", RequestFamily.CHAT, null));
        Provenance p = TestRoutes.PROVENANCE;
        String otherDigest = "sha256:" + "0".repeat(63) + "1";
        RouteResult changed = withProvenance(Results.promote("a", RequestFamily.CHAT, null),
                new Provenance("0.2.0", otherDigest, "sha256:537d009e02fa"));
        assertThat(changed(check(log, "run-2", changed).get(0))).containsExactly(
                Map.of("field", "route_digest", "was", p.routeDigest(), "now", otherDigest),
                Map.of("field", "credential_fingerprint", "was", p.credentialFingerprint(), "now", "sha256:537d009e02fa"),
                Map.of("field", "tool_version", "was", p.toolVersion(), "now", "0.2.0"));
    }

    /** A verdict carries who served its happy path: a fallback last time, none named this time. */
    @Test
    void aChangedServedByTargetIsListed() throws IOException {
        Path log = dir.resolve("log.jsonl");
        check(log, "run-portkey", Results.fellBack("a"));
        JsonNode verdict = check(log, "run-2", Results.promote("a", RequestFamily.CHAT, null)).get(0);

        assertThat(verdict.get("previous").get("check_id").asText()).isEqualTo("run-portkey");
        assertThat(changed(verdict)).containsExactly(
                Map.of("field", "fallback_decision", "was", "stay", "now", "promote"),
                changedTo("served_by.target", "config.targets[1]", null));
    }

    @Test
    void eachRouteGetsItsOwnLastVerdictTheLastInFileOrder() throws IOException {
        Path log = dir.resolve("log.jsonl");
        check(log, "run-1", Results.promote("a", RequestFamily.CHAT, null), Results.stay("b", null));
        check(log, "run-2", Results.hold("a", null));
        check(log, "run-3", Results.promote("c", RequestFamily.CHAT, null));
        List<JsonNode> verdicts = check(log, "run-4", Results.promote("a", RequestFamily.CHAT, null),
                Results.promote("b", RequestFamily.CHAT, null), Results.promote("new", RequestFamily.CHAT, null));
        assertThat(verdicts.get(0).get("previous").get("check_id").asText()).isEqualTo("run-2");
        assertThat(verdicts.get(0).get("previous").get("fallback_decision").asText()).isEqualTo("hold");
        assertThat(verdicts.get(1).get("previous").get("check_id").asText()).isEqualTo("run-1");
        assertThat(verdicts.get(1).get("previous").get("fallback_decision").asText()).isEqualTo("stay");
        assertThat(verdicts.get(2).get("previous").isNull()).isTrue();
    }

    @Test
    void tornForeignAndAttemptLinesAreNeverTakenForAVerdict() throws IOException {
        Path log = dir.resolve("log.jsonl");
        check(log, "run-1", Results.stay("a", null));
        String verdictWithSpaces = "{\"record\": \"verdict\", \"route_label\": \"a\", \"check_id\": \"by-hand\","
                + " \"fallback_decision\": \"hold\"}\n";
        Files.writeString(log, verdictWithSpaces
                + "{\"record\":\"verdict\",\"route_label\":\"a\",\"check_id\":\"two-values\"} {}\n"
                + "[\"record\",\"verdict\",\"route_label\",\"a\"]\n"
                + "{\"record\":\"attempt\",\"route_label\":\"a\",\"check_id\":\"an-attempt\"}\n"
                + "{\"level\":\"info\",\"msg\":\"another tool's log\"}\n"
                + "{\"record\":\"verdict\",\"route_label\":\"a\",\"check_id\":\"torn-by-a-dead-wr",
                StandardOpenOption.APPEND);
        LastChecks last = LastChecks.read(log, List.of("a"));
        RouteResult r = last.attach(Results.promote("a", RequestFamily.CHAT, null), new RecordJson("run-2", Results.REDACTOR));
        assertThat(r.previous()).isInstanceOfSatisfying(Previous.Check.class, c -> {
            assertThat(c.checkId()).isEqualTo("by-hand");
            assertThat(c.fallbackDecision()).isEqualTo("hold");
        });
    }

    @Test
    void aVerdictOnALineLongerThanABlockIsFoundAndOneLongerThanAnyRecordIsSkipped() throws IOException {
        Path log = dir.resolve("log.jsonl");
        String wide = "{\"record\":\"verdict\",\"route_label\":\"wide\",\"check_id\":\"wide-1\",\"note\":\""
                + "x".repeat(3 * EvidenceTail.BLOCK_BYTES) + "\"}\n";
        String huge = "{\"record\":\"verdict\",\"route_label\":\"huge\",\"check_id\":\"huge-2\",\"note\":\""
                + "y".repeat(EvidenceRecord.MAX_LINE_BYTES) + "\"}\n";
        String before = "{\"record\":\"verdict\",\"route_label\":\"huge\",\"check_id\":\"huge-1\"}\n";
        Files.writeString(log, before + wide + huge + "{\"record\":\"attempt\",\"route_label\":\"x\"}\n");
        try (EvidenceSnapshot s = EvidenceSnapshot.open(log)) {
            Map<String, JsonNode> found = EvidenceTail.lastVerdicts(s, Set.of("wide", "huge"));
            assertThat(found.get("wide").get("check_id").asText()).isEqualTo("wide-1");
            assertThat(found.get("huge").get("check_id").asText()).isEqualTo("huge-1");
        }
    }

    /** A check reads the end of a large log, not the whole of it, when each route it checks is near the end. */
    @Test
    void aRouteCheckedRecentlyIsFoundInTheLastBlocksOfALargeLog() throws IOException {
        Path log = dir.resolve("log.jsonl");
        RecordJson json = new RecordJson("old-run", Results.REDACTOR);
        StringBuilder old = new StringBuilder();
        for (String line : json.lines(Results.promote("other", RequestFamily.CHAT, null))) {
            old.append(line).append('\n');
        }
        String block = old.toString().repeat(1000);
        for (int i = 0; i < 20; i++) {
            Files.writeString(log, block, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        check(log, "recent", Results.hold("a", null));
        long size = Files.size(log);
        assertThat(size).isGreaterThan(20L * 1024 * 1024);
        try (EvidenceSnapshot s = EvidenceSnapshot.open(log)) {
            assertThat(EvidenceTail.lastVerdicts(s, Set.of("a")).get("a").get("check_id").asText()).isEqualTo("recent");
            assertThat(s.bytesRead()).isLessThanOrEqualTo(EvidenceTail.BLOCK_BYTES);
        }
        try (EvidenceSnapshot s = EvidenceSnapshot.open(log)) {
            assertThat(EvidenceTail.lastVerdicts(s, Set.of("a", "never-checked"))).containsOnlyKeys("a");
            assertThat(s.bytesRead()).as("a route never checked: read to the start, once").isEqualTo(size);
        }
    }
}
