package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.secrets.EnvVars;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.CorrelationId;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestPlan;
import dev.rollforward.vocabulary.Route;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What {@code plan} shows for one route and phase: the request as it would leave, minus every secret
 * (the key and the {@code headers_env} values are masked; only their variables are named), and what
 * each expectation is compared with.
 */
public final class PlanJson {

    /** Stands for the check id, which is fixed only when a check runs. */
    static final String CHECK_ID = "{check_id}";

    private static final JsonFactory JSON = new JsonFactory();

    private PlanJson() {
    }

    /**
     * @param env         the environment, only to say whether each variable the route names is set (never read)
     * @param routeDigest the route's {@code route_digest}, as its records would carry it
     */
    public static String of(Route route, Phase phase, String userAgent, Map<String, String> env, String routeDigest) {
        String correlationId = CorrelationId.of(CHECK_ID, route.label(), phase);
        RequestPlan plan = RequestPlan.of(route, userAgent, correlationId);
        String credentialEnv = route.keyEnv(phase);
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
            for (String name : route.headersEnv().keySet()) {
                g.writeStringField(name, Redactor.MASK);
            }
            for (Map.Entry<String, String> h : route.family().authHeaders(Redactor.MASK).entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("body");
            g.writeRawValue(plan.body());
            if (credentialEnv == null) {
                g.writeStringField("credential", "generated invalid key (no disabled_credential_env)");
            } else {
                g.writeStringField("credential_env", credentialEnv);
                g.writeBooleanField("credential_env_set", EnvVars.isSet(env, credentialEnv));
            }
            headersEnv(g, route, env);
            g.writeStringField("gateway", route.gateway().wire());
            g.writeStringField("correlation_id", correlationId);
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
            PlanExpectations.write(g, route);
            g.writeBooleanField("follows_redirects", false);
            g.writeStringField("route_digest", routeDigest);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Each secret header's variable, and whether it is set here; never its value. */
    private static void headersEnv(JsonGenerator g, Route route, Map<String, String> env) throws IOException {
        g.writeObjectFieldStart("headers_env");
        for (Map.Entry<String, String> h : route.headersEnv().entrySet()) {
            g.writeObjectFieldStart(h.getKey());
            g.writeStringField("env", h.getValue());
            g.writeBooleanField("set", EnvVars.isSet(env, h.getValue()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
