package dev.rollforward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the sandbox needs from a POST: the presented key, the model asked for and whether the
 * answer should stream.
 *
 * @param key    the Bearer token (or the Messages API's {@code x-api-key}), or null when none was presented
 * @param model  the request's {@code model}, or {@link #DEFAULT_MODEL}
 * @param stream the request asked for {@code "stream": true}
 */
record SandboxRequest(String key, String model, boolean stream) {

    static final String DEFAULT_MODEL = "gpt-4o-mini";

    /** Enough for any check request; the rest of a larger body is left for HttpServer to discard. */
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_MODEL = 200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SandboxRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY);
        }
        String key = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
        String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
        return new SandboxRequest(key != null || apiKey == null || apiKey.isBlank() ? key : apiKey.trim(),
                model(body), stream(body));
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = value.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    static boolean stream(byte[] body) {
        try {
            return body.length > 0 && MAPPER.readTree(body).path("stream").asBoolean(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Lenient on purpose: a body that is not JSON (a hand-typed curl) still gets an answer. */
    static String model(byte[] body) {
        if (body.length == 0) {
            return DEFAULT_MODEL;
        }
        try {
            JsonNode model = MAPPER.readTree(body).path("model");
            if (model.isTextual() && !model.asText().isBlank() && model.asText().length() <= MAX_MODEL) {
                return model.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the default
        }
        return DEFAULT_MODEL;
    }
}
