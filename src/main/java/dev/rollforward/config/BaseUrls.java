package dev.rollforward.config;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A route's {@code base_url}: what makes one sendable, the one rule for the config's and for
 * {@code --base-url}, and sending a config's routes to another one.
 */
public final class BaseUrls {

    private static final String EXAMPLE = "write it as given to OpenAI-compatible SDKs, e.g. https://api.cometapi.com/v1";

    private BaseUrls() {
    }

    /** Why {@code url} cannot be a base URL, in words that say what to change; null when it can. */
    public static String problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL; " + EXAMPLE;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return "must be an http(s) URL with a host, e.g. https://api.cometapi.com/v1";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user or password; put the key in the env var named by credential_env";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query string or fragment (keys do not belong in URLs); remove everything after '?'";
        }
        // java.net.URI accepts some URLs no HTTP client sends to (port 0 or 99999, found by fuzzing).
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return "has port " + uri.getPort() + "; a port is between 1 and 65535";
        }
        if (okhttp3.HttpUrl.parse(url) == null) {
            return "is not a URL an HTTP client can send to; " + EXAMPLE;
        }
        return null;
    }

    /** The host a request to {@code baseUrl} goes to, as the request names it (an IPv6 literal without brackets). */
    static String host(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * {@code file} with every route sent to {@code baseUrl} (already checked by {@link #problem})
     * instead of its own. An {@code expect.upstream_host} that is the route's own host (the default,
     * or the default written out) follows to the new host; one naming another host is kept.
     */
    public static RouteFile override(RouteFile file, String baseUrl) {
        String newHost = host(baseUrl);
        List<Route> routes = new ArrayList<>(file.routes().size());
        for (Route r : file.routes()) {
            Expectations e = r.expect();
            String upstreamHost = host(r.baseUrl()).equalsIgnoreCase(e.upstreamHost()) ? newHost : e.upstreamHost();
            routes.add(r.withBaseUrl(baseUrl, new Expectations(upstreamHost, e.upstreamHeaderName(),
                    e.upstreamHeaderValue(), e.upstreamHeaderMatches(), e.routeLabelHeader(), e.routeLabel(),
                    e.modelPrefix(), e.servedBy())));
        }
        return new RouteFile(file.path(), List.copyOf(routes), file.requireReviewLink());
    }
}
