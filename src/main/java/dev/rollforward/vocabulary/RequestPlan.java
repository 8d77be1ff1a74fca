package dev.rollforward.vocabulary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one attempt sends, minus the credential: used to build the request and by
 * {@code plan} to show it. Chat gets one user message, responses an {@code input} string.
 */
public record RequestPlan(String method, String url, Map<String, String> headers, String body) {

    private static final JsonFactory JSON = new JsonFactory();

    public static RequestPlan of(Route route, String userAgent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("User-Agent", userAgent);
        headers.putAll(route.headers());
        return new RequestPlan("POST", route.endpoint(), headers, body(route));
    }

    static String body(Route route) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", route.model());
            if (route.family() == RequestFamily.CHAT) {
                g.writeArrayFieldStart("messages");
                g.writeStartObject();
                g.writeStringField("role", "user");
                g.writeStringField("content", route.prompt());
                g.writeEndObject();
                g.writeEndArray();
                g.writeNumberField("max_tokens", route.maxOutputTokens());
            } else {
                g.writeStringField("input", route.prompt());
                g.writeNumberField("max_output_tokens", route.maxOutputTokens());
            }
            g.writeBooleanField("stream", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
