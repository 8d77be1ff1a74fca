package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestPlan;
import dev.rollforward.vocabulary.Route;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What {@code plan} shows for one route and phase: the request as it would leave, minus the key. */
public final class PlanJson {

    private static final JsonFactory JSON = new JsonFactory();

    private PlanJson() {
    }

    /** @param routeDigest the route's {@code route_digest}, as its records would carry it */
    public static String of(Route route, Phase phase, String userAgent, boolean credentialSet, String routeDigest) {
        RequestPlan plan = RequestPlan.of(route, userAgent);
        String env = phase == Phase.HAPPY_PATH ? route.credentialEnv() : route.disabledCredentialEnv();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("record", "plan");
            g.writeStringField("route_label", route.label());
            g.writeStringField("request_family", route.family().wire());
            g.writeStringField("phase", phase.wire());
            g.writeStringField("method", plan.method());
            g.writeStringField("url", plan.url());
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : plan.headers().entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            for (Map.Entry<String, String> h : route.family().authHeaders(Redactor.MASK).entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("body");
            g.writeRawValue(plan.body());
            if (env == null) {
                g.writeStringField("credential", "generated invalid key (no disabled_credential_env)");
            } else {
                g.writeStringField("credential_env", env);
                g.writeBooleanField("credential_env_set", credentialSet);
            }
            g.writeObjectFieldStart("retry");
            g.writeNumberField("max_retries", route.retry().maxRetries());
            g.writeNumberField("base_delay_ms", route.retry().baseDelayMs());
            g.writeNumberField("max_delay_ms", route.retry().maxDelayMs());
            g.writeNumberField("max_retry_after_ms", route.retry().maxRetryAfterMs());
            g.writeEndObject();
            g.writeObjectFieldStart("timeouts");
            g.writeNumberField("connect_ms", route.timeouts().connectMs());
            g.writeNumberField("request_ms", route.timeouts().requestMs());
            g.writeEndObject();
            expectations(g, route.expect(), route.gatewayRetryHeaders());
            g.writeBooleanField("follows_redirects", false);
            g.writeStringField("route_digest", routeDigest);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void expectations(JsonGenerator g, Expectations e, List<String> gatewayRetryHeaders) throws IOException {
        g.writeObjectFieldStart("expect");
        g.writeStringField("upstream_host", e.upstreamHost());
        if (e.upstreamHeaderName() != null) {
            g.writeStringField("upstream_header", e.upstreamHeaderName() + ": " + e.upstreamHeaderValue());
        }
        if (e.routeLabelHeader() != null) {
            g.writeStringField("route_label_header", e.routeLabelHeader() + ": " + e.routeLabel());
        }
        if (e.modelPrefix() != null) {
            g.writeStringField("model_prefix", e.modelPrefix());
        }
        g.writeArrayFieldStart("gateway_retry_headers");
        for (String h : gatewayRetryHeaders) {
            g.writeString(h);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
