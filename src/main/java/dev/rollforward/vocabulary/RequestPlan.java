package dev.rollforward.vocabulary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one attempt sends, minus the credential and the {@code headers_env} values: used to build the
 * request and by {@code plan} to show it. The family decides the path, the body and how the key is
 * presented; the gateway profile which headers carry the correlation id.
 */
public record RequestPlan(String method, String url, Map<String, String> headers, String body) {

    public static RequestPlan of(Route route, String userAgent, String correlationId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        // A streaming client says what it wants: some gateways buffer a stream for a client that accepts only JSON.
        headers.put("Accept", route.stream() ? "text/event-stream" : "application/json");
        headers.put("User-Agent", userAgent);
        headers.putAll(route.headers());
        for (String name : route.gateway().correlationHeaders()) {
            headers.put(name, correlationId);
        }
        return new RequestPlan("POST", route.endpoint(), headers,
                route.family().body(route.model(), route.prompt(), route.maxOutputTokens(), route.stream()));
    }
}
