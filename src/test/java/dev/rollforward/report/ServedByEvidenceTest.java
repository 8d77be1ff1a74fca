package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.check.Bodies;
import dev.rollforward.check.Evaluator;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.Send;
import dev.rollforward.vocabulary.SendTrail;
import dev.rollforward.vocabulary.TestRoutes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who served, as a hostile gateway says it: control characters, a key and a very long value in its
 * served-by header and the body's model. Every report shows it sanitized, and the record keeps the
 * sends trail and the correlation id a second operator needs.
 */
class ServedByEvidenceTest {

    private static final String HOSTILE = "\u001b]0;owned\u0007config.targets[1]|<b>\u0085 " + Results.CANARY + " "
            + "x".repeat(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A Portkey route whose happy path was resent once (a 502 after 250 ms), then answered by a fallback. */
    private static RouteResult route() {
        Route route = TestRoutes.route(RequestFamily.CHAT,
                new Expectations(Results.HOST, null, null, null, null, "evil", null, "config.targets[0]"), Gateway.PORTKEY);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("x-portkey-last-used-option-index", List.of(HOSTILE));
        String body = Bodies.CHAT.replace("gpt-4o-mini-2024-07-18", "gpt-4o\\u001b[2J-" + Results.DISABLED);
        SendTrail trail = new SendTrail(Results.HOST, Results.CHECK_ID + ".evil.happy-path",
                List.of(Send.answered(502, 0), Send.answered(200, 250)));
        ResponseSnapshot snap = new ResponseSnapshot.Answer(200, headers, body.getBytes(StandardCharsets.UTF_8), false,
                null, trail);
        AttemptResult happy = Evaluator.evaluate(Phase.HAPPY_PATH, route, snap, Results.T0, 300);
        return Results.route("evil", RequestFamily.CHAT, null, happy);
    }

    private static void assertSafe(String text) {
        assertThat(text).doesNotContain(Results.CANARY).doesNotContain(Results.DISABLED).doesNotContain("\u001b")
                .doesNotContain("\u0007").doesNotContain("\u0085");
    }

    @Test
    void theRecordShowsWhoServedSanitizedAndEverySend() throws Exception {
        RouteResult r = route();
        JsonNode record = JSON.readTree(Results.REDACTOR.redact(new RecordJson(Results.CHECK_ID, Results.REDACTOR)
                .attempt(r, r.attempts().get(0))));

        JsonNode servedBy = record.get("served_by");
        assertThat(servedBy.get("gateway").asText()).isEqualTo("portkey");
        String target = servedBy.get("target").asText();
        assertSafe(target);
        assertThat(target).startsWith("]0;ownedconfig.targets[1]|<b> [REDACTED] xxx").hasSize(200);
        assertThat(servedBy.get("model").asText()).isEqualTo("gpt-4o[2J-[REDACTED]");
        assertThat(record.get("sends").toString())
                .isEqualTo("[{\"status\":502,\"failure\":null,\"waited_ms\":0},{\"status\":200,\"failure\":null,\"waited_ms\":250}]");
        assertThat(record.get("retry_count").asInt()).as("one resend; the unreadable index is no fallback").isEqualTo(1);
        assertThat(record.get("reasons").toString()).isEqualTo("[\"upstream_unverifiable\",\"served_by_unverifiable\"]");
        assertThat(record.get("correlation_id").asText()).isEqualTo(Results.CHECK_ID + ".evil.happy-path");
    }

    @Test
    void theStderrTableShowsTheSanitizedTarget() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        console.redactor(Results.REDACTOR);
        new StderrTable(console).accept(route());

        String shown = err.toString(StandardCharsets.UTF_8);
        assertSafe(shown);
        assertThat(shown).contains(" ]0;ownedconfig.targets[1]|<b> [REDACTED] xxx");
    }

    @Test
    void theMarkdownCellCannotBreakTheTable() throws Exception {
        Path file = dir.resolve("ticket.md");
        MarkdownReport md = new MarkdownReport(file, null, Results.REDACTOR);
        RouteResult r = route();
        md.accept(r);
        md.finish(Results.summary("rollforward check", r));

        String text = Files.readString(file);
        assertSafe(text);
        String row = text.lines().filter(l -> l.startsWith("| evil |")).findFirst().orElseThrow();
        assertThat(row).contains("| ]0;ownedconfig.targets[1]\\|&lt;b&gt; [REDACTED] xxx");
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(10);
    }

    @Test
    void theJUnitCaseNamesTheTargetSanitized() throws Exception {
        Path file = dir.resolve("junit.xml");
        JUnitReport junit = new JUnitReport(file, Results.REDACTOR);
        RouteResult r = route();
        junit.accept(r);
        junit.finish(Results.summary("rollforward check", r));

        String xml = Files.readString(file);
        assertSafe(xml);
        assertThat(xml).contains("served_by: ]0;ownedconfig.targets[1]|&lt;b&gt; [REDACTED] xxx")
                .contains("retry_count: 1 (resends 1, gateway retries 0, gateway fallbacks 0)")
                .contains("correlation_id: " + Results.CHECK_ID + ".evil.happy-path");
    }
}
