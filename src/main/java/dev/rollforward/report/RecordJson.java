package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.Previous;
import dev.rollforward.vocabulary.Provenance;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.ShapeSeen;
import dev.rollforward.vocabulary.StreamFacts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the JSON Lines records of CONTRACT §4 from an allowlist of fields. Nothing from a
 * response goes in but status, shape class, and two short identifiers that are sanitized.
 */
public final class RecordJson {

    private static final int SCHEMA_VERSION = 1;

    /** What an identifier or marker may look like to be shown at all. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/+=-]{1,128}");

    private static final JsonFactory JSON = new JsonFactory();

    private final String checkId;
    private final Redactor redactor;
    private final WhoServedJson whoServed;

    public RecordJson(String checkId, Redactor redactor) {
        this.checkId = checkId;
        this.redactor = redactor;
        this.whoServed = new WhoServedJson(redactor);
    }

    public String attempt(RouteResult route, AttemptResult a) {
        return write(g -> {
            common(g, "attempt", route, new Outcome(a.snapshot().statusClass(), a.shapeSeen(), a.judgement().decision(),
                    a.retryCount(), a.judgement().reasons()));
            g.writeStringField("phase", a.phase().wire());
            status(g, a.httpStatus());
            g.writeBooleanField("response_id_present", a.facts().idPresent());
            token(g, "completion_marker", a.facts().completionMarker());
            g.writeBooleanField("usage_present", a.facts().usagePresent());
            token(g, "upstream_request_id", a.gateway().requestId());
            g.writeNumberField("gateway_retry_count", a.gateway().retryCount());
            g.writeStringField("started_at", a.startedAt().toString());
            g.writeNumberField("duration_ms", a.durationMs());
            streamFields(g, route, a);
            provenance(g, route.provenance());
            whoServed.attempt(g, a);
        });
    }

    /** Whether the route asked for the stream and, when one was read, its event count and how it ended. */
    private static void streamFields(JsonGenerator g, RouteResult route, AttemptResult a) throws IOException {
        g.writeBooleanField("stream", route.stream());
        StreamFacts stream = a.snapshot() instanceof ResponseSnapshot.Answer answer ? answer.stream() : null;
        if (stream == null) {
            g.writeNullField("events_seen");
            g.writeNullField("stream_end");
        } else {
            g.writeNumberField("events_seen", stream.eventsSeen());
            if (stream.end() == null) {
                g.writeNullField("stream_end");
            } else {
                g.writeStringField("stream_end", stream.end().wire());
            }
        }
    }

    /** A route's records in contract order: each attempt, then the verdict. */
    public List<String> lines(RouteResult route) {
        List<String> lines = new ArrayList<>(route.attempts().size() + 1);
        for (AttemptResult a : route.attempts()) {
            lines.add(attempt(route, a));
        }
        lines.add(verdict(route));
        return lines;
    }

    /** The verdict carries the happy path's status, and the shape seen over both attempts. */
    String verdict(RouteResult route) {
        AttemptResult happy = route.attempts().get(0);
        return write(g -> {
            common(g, "verdict", route, new Outcome(happy.snapshot().statusClass(), route.shapeSeen(), route.verdict(),
                    route.retryCount(), route.reasons()));
            status(g, happy.httpStatus());
            g.writeNumberField("gateway_retry_count", route.gatewayRetryCount());
            g.writeStringField("started_at", route.startedAt().toString());
            g.writeNumberField("duration_ms", route.durationMs());
            g.writeBooleanField("stream", route.stream());
            provenance(g, route.provenance());
            g.writeNumberField("gateway_fallback_count", route.gatewayFallbackCount());
            whoServed.servedBy(g, happy.servedBy()); // who served the happy path: what history compares
            previous(g, route.previous()); // last: present only with an evidence log
        });
    }

    /** Appended after the fields older readers know, so their positions never move. */
    private static void provenance(JsonGenerator g, Provenance p) throws IOException {
        g.writeStringField("tool_version", p.toolVersion());
        g.writeStringField("route_digest", p.routeDigest());
        JsonValues.nullable(g, "credential_fingerprint", p.credentialFingerprint());
    }

    /** Absent without an evidence log; null for a route's first check; else the last check and what changed. */
    private static void previous(JsonGenerator g, Previous previous) throws IOException {
        if (previous instanceof Previous.FirstCheck) {
            g.writeNullField("previous");
        } else if (previous instanceof Previous.Check c) {
            g.writeObjectFieldStart("previous");
            JsonValues.nullable(g, "check_id", c.checkId());
            JsonValues.nullable(g, "started_at", c.startedAt());
            JsonValues.nullable(g, "fallback_decision", c.fallbackDecision());
            g.writeArrayFieldStart("changed");
            for (Previous.Change change : c.changed()) {
                g.writeStartObject();
                g.writeStringField("field", change.field());
                JsonValues.nullable(g, "was", change.was());
                JsonValues.nullable(g, "now", change.now());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The fields an attempt record and a verdict record share, each filled from its own level. */
    private record Outcome(String statusClass, ShapeSeen shape, Decision decision, int retries, List<String> reasons) {
    }

    private void common(JsonGenerator g, String kind, RouteResult route, Outcome o) throws IOException {
        g.writeNumberField("schema_version", SCHEMA_VERSION);
        g.writeStringField("record", kind);
        g.writeStringField("check_id", redactor.redact(checkId));
        g.writeStringField("route_label", route.label());
        g.writeStringField("request_family", route.family().wire());
        g.writeStringField("http_status_class", o.statusClass());
        g.writeStringField("response_shape_seen", o.shape().wire());
        g.writeStringField("fallback_decision", o.decision().wire());
        g.writeNumberField("retry_count", o.retries());
        g.writeStringField("operator_result", o.decision().operatorResult());
        JsonValues.nullable(g, "review_link", route.reviewLink() == null ? null : redactor.redact(route.reviewLink()));
        g.writeArrayFieldStart("reasons");
        for (String r : o.reasons()) {
            g.writeString(r);
        }
        g.writeEndArray();
    }

    private static void status(JsonGenerator g, Integer status) throws IOException {
        if (status == null) {
            g.writeNullField("http_status");
        } else {
            g.writeNumberField("http_status", status);
        }
    }

    private void token(JsonGenerator g, String field, String value) throws IOException {
        String safe = value == null ? null : redactor.redact(value.strip());
        if (safe == null || !TOKEN.matcher(safe).matches()) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, safe);
        }
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
