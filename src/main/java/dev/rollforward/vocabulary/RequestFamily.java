package dev.rollforward.vocabulary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The API a route is checked through, and everything that differs between them: the path, how the
 * key is presented, the request body and the success object. A new family is one new constant here.
 */
public enum RequestFamily {
    CHAT("chat", "/chat/completions", BodyShape.CHAT_COMPLETION) {
        @Override
        void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException {
            g.writeArrayFieldStart("messages");
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeStringField("content", prompt);
            g.writeEndObject();
            g.writeEndArray();
            g.writeNumberField("max_tokens", maxOutputTokens);
        }
    },
    RESPONSES("responses", "/responses", BodyShape.RESPONSE) {
        @Override
        void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException {
            g.writeStringField("input", prompt);
            g.writeNumberField("max_output_tokens", maxOutputTokens);
        }
    };

    private static final JsonFactory JSON = new JsonFactory();

    private final String wire;
    private final String path;
    private final BodyShape successShape;

    RequestFamily(String wire, String path, BodyShape successShape) {
        this.wire = wire;
        this.path = path;
        this.successShape = successShape;
    }

    public String wire() {
        return wire;
    }

    /** Appended to the route's base URL. */
    public String path() {
        return path;
    }

    /** The body shape of a successful answer. */
    public BodyShape successShape() {
        return successShape;
    }

    /** The headers that present {@code credential} (pass a mask to show them). */
    public Map<String, String> authHeaders(String credential) {
        return Map.of("Authorization", "Bearer " + credential);
    }

    /** The smallest request of this family: one user message, a capped answer, no stream. */
    public String body(String model, String prompt, int maxOutputTokens) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", model);
            writeInput(g, prompt, maxOutputTokens);
            g.writeBooleanField("stream", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    abstract void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException;

    /** The family for a config value, or null when there is none by that name. */
    public static RequestFamily fromWire(String value) {
        for (RequestFamily f : values()) {
            if (f.wire.equals(value)) {
                return f;
            }
        }
        return null;
    }

    /** The config values, for messages that list them. */
    public static String wireNames() {
        StringBuilder sb = new StringBuilder();
        for (RequestFamily f : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(f.wire).append('\'');
        }
        return sb.toString();
    }
}
