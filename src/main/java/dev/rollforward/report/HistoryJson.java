package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.Previous;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * {@code history --json}: one JSON object per check, per route in time order (JSON Lines), with
 * the check before it and what changed since, for scripts and {@code jq}.
 */
public final class HistoryJson {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;
    private final Redactor redactor = Redactor.none();

    public HistoryJson(PrintStream out) {
        this.out = out;
    }

    public void write(EvidenceHistory history) {
        for (String route : history.routes()) {
            for (EvidenceHistory.Step s : history.steps(route)) {
                out.print(redactor.redact(line(s)) + '\n');
            }
        }
        out.flush();
    }

    private static String line(EvidenceHistory.Step s) {
        HistoryCheck c = s.check();
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("route_label", c.routeLabel());
            g.writeStringField("check_id", c.checkId());
            g.writeStringField("started_at", c.startedAt());
            g.writeStringField("fallback_decision", c.fallbackDecision());
            g.writeStringField("http_status_class", c.httpStatusClass());
            g.writeStringField("response_shape_seen", c.compared()[ComparedField.RESPONSE_SHAPE_SEEN.ordinal()]);
            g.writeStringField("served_by_target", c.servedByTarget());
            retries(g, c.retryCount());
            g.writeArrayFieldStart("reasons");
            for (String r : c.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeStringField("review_link", c.reviewLink());
            g.writeStringField("route_digest", c.compared()[ComparedField.ROUTE_DIGEST.ordinal()]);
            g.writeStringField("credential_fingerprint", c.compared()[ComparedField.CREDENTIAL_FINGERPRINT.ordinal()]);
            g.writeStringField("tool_version", c.compared()[ComparedField.TOOL_VERSION.ordinal()]);
            g.writeStringField("previous_check_id", s.previousCheckId());
            g.writeArrayFieldStart("changed");
            for (Previous.Change change : s.changed()) {
                g.writeStartObject();
                g.writeStringField("field", change.field());
                g.writeStringField("was", change.was());
                g.writeStringField("now", change.now());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A number as the record had it; anything else a foreign writer put there, as text. */
    private static void retries(JsonGenerator g, String retryCount) throws IOException {
        if (retryCount != null && retryCount.matches("\\d{1,9}")) {
            g.writeNumberField("retry_count", Integer.parseInt(retryCount));
        } else {
            g.writeStringField("retry_count", retryCount);
        }
    }
}
