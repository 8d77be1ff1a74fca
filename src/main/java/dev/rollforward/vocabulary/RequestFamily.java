package dev.rollforward.vocabulary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API a route is checked through, and everything that differs between them: the path, how the
 * key is presented, the request body, the success object and how its stream ends. A new family is
 * one new constant here.
 */
public enum RequestFamily {
    CHAT("chat", "/chat/completions", BodyShape.CHAT_COMPLETION, Map.of(
            "[DONE]", StreamEnd.DONE, "error", StreamEnd.ERROR)) {
        @Override
        void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException {
            writeUserMessage(g, prompt);
            g.writeNumberField("max_tokens", maxOutputTokens);
        }
    },
    RESPONSES("responses", "/responses", BodyShape.RESPONSE, Map.of(
            "response.completed", StreamEnd.COMPLETED, "response.incomplete", StreamEnd.INCOMPLETE,
            "response.failed", StreamEnd.ERROR, "error", StreamEnd.ERROR)) {
        @Override
        void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException {
            g.writeStringField("input", prompt);
            g.writeNumberField("max_output_tokens", maxOutputTokens);
        }
    },
    /** Anthropic's Messages API, as Anthropic, CometAPI, LiteLLM and Portkey serve it. */
    MESSAGES("messages", "/messages", BodyShape.MESSAGE, Map.of(
            "message_stop", StreamEnd.MESSAGE_STOP, "error", StreamEnd.ERROR)) {
        @Override
        void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException {
            g.writeNumberField("max_tokens", maxOutputTokens);
            writeUserMessage(g, prompt);
        }

        @Override
        public Map<String, String> authHeaders(String credential) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-api-key", credential);
            headers.put("anthropic-version", ANTHROPIC_VERSION);
            return headers;
        }
    };

    /** The Messages API version every Anthropic-compatible route accepts. */
    public static final String ANTHROPIC_VERSION = "2023-06-01";

    private static final JsonFactory JSON = new JsonFactory();

    private final String wire;
    private final String path;
    private final BodyShape successShape;
    /** SSE event type (or chat's {@code [DONE]} data) → how the stream ended. */
    private final Map<String, StreamEnd> streamEnds;

    RequestFamily(String wire, String path, BodyShape successShape, Map<String, StreamEnd> streamEnds) {
        this.wire = wire;
        this.path = path;
        this.successShape = successShape;
        this.streamEnds = streamEnds;
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

    /**
     * How a stream of this family ends when an event of {@code type} arrives (the SSE {@code event:}
     * name, else the data's {@code type}; chat's {@code [DONE]} data; {@code error} for an event
     * that carries an error), or null when the stream goes on.
     */
    public StreamEnd streamEnd(String type) {
        return type == null ? null : streamEnds.get(type);
    }

    /** The smallest request of this family: one user message, a capped answer, no stream. */
    public String body(String model, String prompt, int maxOutputTokens) {
        return body(model, prompt, maxOutputTokens, false);
    }

    /** The smallest request of this family, asking for its streaming form when {@code stream}. */
    public String body(String model, String prompt, int maxOutputTokens, boolean stream) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", model);
            writeInput(g, prompt, maxOutputTokens);
            g.writeBooleanField("stream", stream);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    abstract void writeInput(JsonGenerator g, String prompt, int maxOutputTokens) throws IOException;

    /** {@code "messages": [{"role": "user", "content": prompt}]}, as chat and messages both send it. */
    private static void writeUserMessage(JsonGenerator g, String prompt) throws IOException {
        g.writeArrayFieldStart("messages");
        g.writeStartObject();
        g.writeStringField("role", "user");
        g.writeStringField("content", prompt);
        g.writeEndObject();
        g.writeEndArray();
    }

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
