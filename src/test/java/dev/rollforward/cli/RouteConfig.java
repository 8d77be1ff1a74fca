package dev.rollforward.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;

/**
 * The route config end-to-end tests write: chat routes at one upstream, reading the keys from
 * {@link Cli#CANARY_ENV} and {@link Cli#DISABLED_ENV}. A test states only what it changes.
 * One route is labelled {@code primary}; several are {@code r0}, {@code r1}, ...
 */
final class RouteConfig {

    private final String baseUrl;
    private String family = "chat";
    private String reviewLink;
    private int routes = 1;
    private boolean labelHeader;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();

    private RouteConfig(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static RouteConfig at(MockWebServer server) {
        return at(server.url("/v1").toString());
    }

    static RouteConfig at(String baseUrl) {
        return new RouteConfig(baseUrl);
    }

    RouteConfig family(String wire) {
        family = wire;
        return this;
    }

    /** The config-wide review_link (null: none). */
    RouteConfig reviewLink(String link) {
        reviewLink = link;
        return this;
    }

    RouteConfig routes(int count) {
        routes = count;
        return this;
    }

    /** Each route sends {@code X-Route-Label: <its label>}, so the upstream can tell them apart. */
    RouteConfig labelHeader() {
        labelHeader = true;
        return this;
    }

    RouteConfig header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** One more line of YAML on every route, e.g. {@code retry: {max_retries: 0}}. */
    RouteConfig with(String yaml) {
        lines.add(yaml);
        return this;
    }

    String yaml() {
        StringBuilder sb = new StringBuilder();
        if (reviewLink != null) {
            sb.append("review_link: ").append(reviewLink).append('\n');
        }
        sb.append("routes:\n");
        for (int i = 0; i < routes; i++) {
            String label = routes == 1 ? "primary" : "r" + i;
            sb.append("  - label: ").append(label).append('\n')
                    .append("    base_url: ").append(baseUrl).append('\n')
                    .append("    request_family: ").append(family).append('\n')
                    .append("    model: gpt-4o-mini\n")
                    .append("    credential_env: ").append(Cli.CANARY_ENV).append('\n')
                    .append("    disabled_credential_env: ").append(Cli.DISABLED_ENV).append('\n');
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (labelHeader) {
                sent.put("X-Route-Label", label);
            }
            if (!sent.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                sent.forEach((k, v) -> pairs.add(k + ": " + v));
                sb.append("    headers: {").append(String.join(", ", pairs)).append("}\n");
            }
            for (String line : lines) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    Path writeTo(Path file) {
        try {
            return Files.writeString(file, yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
