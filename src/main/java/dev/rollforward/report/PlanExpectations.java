package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Route;
import java.io.IOException;

/** {@code plan}'s {@code expect}: each expectation, and honestly what the check compares it with. */
final class PlanExpectations {

    private PlanExpectations() {
    }

    static void write(JsonGenerator g, Route route) throws IOException {
        Expectations e = route.expect();
        Gateway.ServedByEvidence evidence = route.gateway().servedBy();
        g.writeObjectFieldStart("expect");
        if (e.upstreamHost() != null) {
            g.writeStringField("upstream_host", e.upstreamHost());
            g.writeStringField("upstream_host_compared_with", evidence.apiBaseHeader() != null
                    ? "the host in " + evidence.apiBaseHeader() + " (the upstream the gateway called)"
                    : "the host rollforward sends to: with the default (the host of base_url) it always matches,"
                            + " since redirects are never followed; it cannot see a gateway's fallback");
        }
        if (e.upstreamHeaderName() != null) {
            g.writeStringField("upstream_header", e.upstreamHeaderText());
        }
        if (e.routeLabelHeader() != null) {
            g.writeStringField("route_label_header", e.routeLabelHeader() + ": " + e.routeLabel());
        }
        if (e.modelPrefix() != null) {
            g.writeStringField("model_prefix", e.modelPrefix());
        }
        if (e.servedBy() != null) {
            g.writeStringField("served_by", e.servedBy());
            g.writeStringField("served_by_compared_with", servedByComparedWith(evidence));
        }
        if (evidence.fallbackHeader() != null) {
            g.writeStringField("no_fallback", evidence.fallbackHeader() + " must be 0 or absent");
        }
        g.writeArrayFieldStart("gateway_retry_headers");
        for (String h : route.gatewayRetryHeaders()) {
            g.writeString(h);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String servedByComparedWith(Gateway.ServedByEvidence evidence) {
        return switch (evidence.style()) {
            case OPTION_INDEX -> evidence.targetHeader() + ": this target path or a path inside it;"
                    + " an index past it is a fallback";
            case DEPLOYMENT -> evidence.targetHeader() + ", or the host in " + evidence.apiBaseHeader();
            case NONE -> "nothing: this gateway does not say who served";
        };
    }
}
