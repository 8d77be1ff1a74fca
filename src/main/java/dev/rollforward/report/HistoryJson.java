package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
    private final ShownValues values = new ShownValues();

    public HistoryJson(PrintStream out) {
        this.out = out;
    }

    public void write(EvidenceHistory history) {
        for (String route : history.routes()) {
            for (EvidenceHistory.Step s : history.steps(route)) {
                out.print(line(s) + '\n');
            }
        }
        out.flush();
    }

    /** Field names are ours; every value from the file passes {@link ShownValues}. */
    private String line(EvidenceHistory.Step s) {
        HistoryCheck c = s.check();
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("route_label", values.json(c.routeLabel()));
            g.writeStringField("check_id", values.json(c.checkId()));
            g.writeStringField("started_at", values.json(c.startedAt()));
            g.writeStringField("fallback_decision", values.json(c.fallbackDecision()));
            g.writeStringField("http_status_class", values.json(c.httpStatusClass()));
            g.writeStringField("response_shape_seen", values.json(c.compared()[ComparedField.RESPONSE_SHAPE_SEEN.ordinal()]));
            g.writeStringField("served_by_target", values.json(c.servedByTarget()));
            retries(g, c.retryCount());
            g.writeArrayFieldStart("reasons");
            for (String r : c.reasons()) {
                g.writeString(values.json(r));
            }
            g.writeEndArray();
            g.writeStringField("review_link", values.json(c.reviewLink()));
            g.writeStringField("route_digest", values.json(c.compared()[ComparedField.ROUTE_DIGEST.ordinal()]));
            g.writeStringField("credential_fingerprint", values.json(c.compared()[ComparedField.CREDENTIAL_FINGERPRINT.ordinal()]));
            g.writeStringField("tool_version", values.json(c.compared()[ComparedField.TOOL_VERSION.ordinal()]));
            g.writeStringField("previous_check_id", values.json(s.previousCheckId()));
            g.writeArrayFieldStart("changed");
            for (Previous.Change change : s.changed()) {
                g.writeStartObject();
                g.writeStringField("field", values.json(change.field()));
                g.writeStringField("was", values.json(change.was()));
                g.writeStringField("now", values.json(change.now()));
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
    private void retries(JsonGenerator g, String retryCount) throws IOException {
        if (retryCount != null && retryCount.matches("\\d{1,9}")) {
            g.writeNumberField("retry_count", Integer.parseInt(retryCount));
        } else {
            g.writeStringField("retry_count", values.json(retryCount));
        }
    }
}
