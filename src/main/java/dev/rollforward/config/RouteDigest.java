package dev.rollforward.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rollforward.secrets.CredentialFingerprint;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Route;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A route's {@code route_digest} (CONTRACT §4): {@code sha256:} + the hex SHA-256 of the route's
 * effective config in a canonical form.
 *
 * <p>The canonical form is built from the loaded {@link Route}, not from the file's text, so
 * defaults are already filled in (an explicit default and an absent key give the same digest),
 * and key order, comments, quoting and YAML-or-JSON make no difference. It is JSON with every
 * mapping's keys sorted and no whitespace. It holds everything that shapes a request or a
 * judgement, and env var <em>names</em>; it leaves out the review link (a ticket is not the
 * route) and the config line number, and it never sees a secret value (a Route holds none).
 *
 * <p>A setting added to Route later should be left out of the form while it has its neutral
 * value (e.g. no gateway), so that upgrading rollforward does not change every route's digest.
 */
public final class RouteDigest {

    /** Written with the streaming generator: every check digests its routes, and a databind mapper costs start-up. */
    private static final JsonFactory JSON = new JsonFactory();

    private RouteDigest() {
    }

    public static String of(Route route) {
        byte[] form = canonicalForm(route).getBytes(StandardCharsets.UTF_8);
        return "sha256:" + CredentialFingerprint.sha256Hex(form);
    }

    /** The text that is hashed; shown by tests, and to explain a digest. */
    public static String canonicalForm(Route r) {
        Map<String, Object> form = new TreeMap<>();
        form.put("label", r.label());
        form.put("base_url", withoutTrailingSlash(r.baseUrl()));
        form.put("request_family", r.family().wire());
        form.put("model", r.model());
        form.put("prompt", r.prompt());
        form.put("max_output_tokens", r.maxOutputTokens());
        form.put("credential_env", r.credentialEnv());
        form.put("disabled_credential_env", r.disabledCredentialEnv());
        form.put("headers", new TreeMap<>(r.headers()));
        // Added with #9: each only when it differs from its neutral value (see above).
        if (r.gateway() != Gateway.NONE) {
            form.put("gateway", r.gateway().wire());
        }
        if (!r.headersEnv().isEmpty()) {
            form.put("headers_env", new TreeMap<>(r.headersEnv()));
        }
        form.put("expect", expect(r.expect()));
        form.put("gateway_retry_headers", headerNames(r.gatewayRetryHeaders()));
        form.put("timeouts", Map.of("connect_ms", r.timeouts().connectMs(), "request_ms", r.timeouts().requestMs()));
        form.put("retry", Map.of("max_retries", r.retry().maxRetries(), "base_delay_ms", r.retry().baseDelayMs(),
                "max_delay_ms", r.retry().maxDelayMs(), "max_retry_after_ms", r.retry().maxRetryAfterMs()));
        if (r.stream()) {
            // Only when set: a route that does not stream keeps the digest it had before streaming existed,
            // so an evidence log does not report every old route as changed.
            form.put("stream", true);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Strings, booleans, numbers, nulls, lists and maps, each map's keys in sorted order. */
    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalStateException("a route's canonical form is strings, booleans, numbers, lists and maps, not " + value.getClass());
        }
    }

    /** {@code /v1} and {@code /v1/} send to the same endpoint (Route.endpoint). */
    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The label is in the form already; {@code routeLabel} is that label again. */
    private static Map<String, Object> expect(Expectations e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("upstream_host", e.upstreamHost());
        m.put("upstream_header_name", e.upstreamHeaderName());
        m.put("upstream_header_value", e.upstreamHeaderValue());
        m.put("route_label_header", e.routeLabelHeader());
        m.put("model_prefix", e.modelPrefix());
        if (e.upstreamHeaderMatches() != null) {
            m.put("upstream_header_matches", e.upstreamHeaderMatches().pattern());
        }
        if (e.servedBy() != null) {
            m.put("served_by", e.servedBy());
        }
        return m;
    }

    /** Matched case-insensitively and each on its own, so neither case nor order is part of the route. */
    private static List<String> headerNames(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        out.sort(null);
        return out;
    }
}
