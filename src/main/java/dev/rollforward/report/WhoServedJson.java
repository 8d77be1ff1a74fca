package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Send;
import dev.rollforward.vocabulary.ServedBy;
import java.io.IOException;

/**
 * The record fields that say who served and what was sent (CONTRACT §4): enough for a second
 * operator to tell, from one attempt record, who served, how many sends rollforward made, what
 * the gateway reported, and which correlation id to search the gateway's logs for.
 */
final class WhoServedJson {

    private final Redactor redactor;

    WhoServedJson(Redactor redactor) {
        this.redactor = redactor;
    }

    /** An attempt's: the gateway's fallbacks, the correlation id, who served, every send. */
    void attempt(JsonGenerator g, AttemptResult a) throws IOException {
        g.writeNumberField("gateway_fallback_count", a.gateway().fallbacks());
        JsonValues.nullable(g, "correlation_id", redactor.redact(a.snapshot().trail().correlationId()));
        servedBy(g, a.servedBy());
        g.writeArrayFieldStart("sends");
        for (Send s : a.snapshot().trail().sends()) {
            g.writeStartObject();
            if (s.status() == null) {
                g.writeNullField("status");
            } else {
                g.writeNumberField("status", s.status());
            }
            JsonValues.nullable(g, "failure", s.failure());
            g.writeNumberField("waited_ms", s.waitedMs());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Who served, as the answer said it: every value passes the redactor's evidence rule. */
    void servedBy(JsonGenerator g, ServedBy s) throws IOException {
        g.writeObjectFieldStart("served_by");
        JsonValues.nullable(g, "gateway", s.gateway());
        JsonValues.nullable(g, "target", redactor.evidence(s.target()));
        JsonValues.nullable(g, "api_base_host", redactor.evidence(s.apiBaseHost()));
        JsonValues.nullable(g, "model", redactor.evidence(s.model()));
        JsonValues.nullable(g, "upstream_header", redactor.evidence(s.upstreamHeader()));
        JsonValues.nullable(g, "route_label_header", redactor.evidence(s.routeLabelHeader()));
        g.writeEndObject();
    }
}
