package dev.rollforward.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the sandbox: status, body and the headers particular to it. Immutable. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, String body) {
        return new Reply(status, JSON, body, Map.of());
    }

    /** Server-sent events, sent chunked as a streaming upstream sends them. */
    static Reply stream(java.util.List<String> events) {
        return new Reply(200, EVENT_STREAM, String.join("", events), Map.of());
    }

    static Reply html(int status, String body) {
        return new Reply(status, HTML, body, Map.of());
    }

    /** This reply with one more header (replacing a header of the same name). */
    Reply with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    /** Writes the reply; {@code common} headers first, so the reply's own headers win. */
    void send(HttpExchange exchange, Map<String, String> common) throws IOException {
        com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
        common.forEach(out::set);
        headers.forEach(out::set);
        out.set("Content-Type", contentType);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // A HEAD answer has no body; HttpServer refuses to write one.
        if ("HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, contentType.equals(EVENT_STREAM) ? 0 : bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
