package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.Timeouts;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.RequestFamily;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and strictly validates a route config (CONTRACT §2). Reads no env var, sends nothing. */
public final class ConfigLoader {

    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> TOP_KEYS = Set.of("review_link", "require_review_link", "routes");
    private static final Set<String> ROUTE_KEYS = Set.of("label", "base_url", "request_family", "model", "prompt",
            "max_output_tokens", "credential_env", "disabled_credential_env", "headers", "expect",
            "gateway_retry_headers", "timeouts", "retry", "review_link", "stream");
    private static final Set<String> EXPECT_KEYS = Set.of("upstream_host", "upstream_header", "route_label_header", "model_prefix");
    private static final Set<String> TIMEOUT_KEYS = Set.of("connect_ms", "request_ms");
    private static final Set<String> RETRY_KEYS = Set.of("max_retries", "base_delay_ms", "max_delay_ms", "max_retry_after_ms");

    private ConfigLoader() {
    }

    /** Loads without looking at the environment; see {@link #load(Path, Map)}. */
    public static RouteFile load(Path path) throws ConfigException {
        return load(path, Map.of());
    }

    /**
     * Loads, validates, and refuses any value that holds the value of an env var the routes name
     * (credential_env, disabled_credential_env): such a key would be committed with the config and
     * shown by plan. Reads only those variables, and shows none of them.
     */
    public static RouteFile load(Path path, Map<String, String> env) throws ConfigException {
        String file = path.toString();
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw ConfigException.at(file, 0, null, "is a directory; pass the route config file itself, "
                        + "e.g. --config config/cometapi.yaml");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw ConfigException.at(file, 0, null, "is larger than 1 MiB; a route config is a few lines");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.at(file, 0, null, "no such file; pass the route config with --config FILE");
        } catch (CharacterCodingException e) {
            throw ConfigException.at(file, 0, null, "is not UTF-8 text; save it as UTF-8 (YAML and JSON configs are UTF-8)");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw ConfigException.at(file, 0, null, "cannot be read (" + e.getClass().getSimpleName() + "); check the path and its permissions");
        }
        return parse(file, text, env);
    }

    public static RouteFile parse(String file, String text) throws ConfigException {
        return parse(file, text, Map.of());
    }

    /** @param env the environment, for the refusal described at {@link #load(Path, Map)} */
    public static RouteFile parse(String file, String text, Map<String, String> env) throws ConfigException {
        Node root = ConfigTree.parse(file, text);
        SecretScan.run(file, root, env);
        Fields top = new Fields(file, "", root);
        top.refuseUnknown(TOP_KEYS);
        String reviewLink = optUrl(top, "review_link");
        List<Node> routeNodes = top.requireList("routes");
        if (routeNodes.isEmpty()) {
            throw top.error("routes", "is empty; add at least one route");
        }
        Set<String> labels = new HashSet<>();
        List<Route> routes = new java.util.ArrayList<>();
        for (int i = 0; i < routeNodes.size(); i++) {
            Route r = route(new Fields(file, "routes[" + i + "]", routeNodes.get(i)), reviewLink);
            if (!labels.add(r.label())) {
                throw ConfigException.at(file, r.line(), "routes[" + i + "].label", "'" + r.label() + "' is used by another route; labels must be unique");
            }
            routes.add(r);
        }
        return new RouteFile(file, List.copyOf(routes), top.optBoolean("require_review_link"));
    }

    private static Route route(Fields f, String defaultReviewLink) throws ConfigException {
        f.refuseUnknown(ROUTE_KEYS);
        String label = f.requireString("label");
        if (!LABEL.matcher(label).matches()) {
            throw f.error("label", "may only use letters, digits, '.', '_' and '-'");
        }
        String baseUrl = baseUrl(f);
        String familyName = f.requireString("request_family");
        RequestFamily family = RequestFamily.fromWire(familyName);
        if (family == null) {
            throw f.error("request_family", "must be " + RequestFamily.wireNames().replace(", '", " or '") + ", not '" + familyName + "'");
        }
        String model = f.requireString("model");
        String prompt = f.optString("prompt");
        prompt = prompt == null ? Route.DEFAULT_PROMPT : prompt;
        int maxTokens = (int) f.optLong("max_output_tokens", Route.DEFAULT_MAX_OUTPUT_TOKENS, 1, Route.MAX_OUTPUT_TOKENS_CAP);
        String credentialEnv = envName(f, "credential_env", f.requireString("credential_env"));
        String disabledEnv = f.optString("disabled_credential_env");
        if (disabledEnv != null) {
            envName(f, "disabled_credential_env", disabledEnv);
            if (disabledEnv.equals(credentialEnv)) {
                throw f.error("disabled_credential_env", "names the same variable as credential_env; the error path needs a disabled key");
            }
        }
        Map<String, String> headers = RouteHeaders.read(f);
        String host = URI.create(baseUrl).getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal, as the request (OkHttp) names its host
        }
        Expectations expect = expect(f, label, host);
        List<String> gatewayHeaders = f.optStringList("gateway_retry_headers", Route.DEFAULT_GATEWAY_RETRY_HEADERS);
        String reviewLink = optUrl(f, "review_link");
        return new Route(label, baseUrl, family, model, prompt, maxTokens, credentialEnv, disabledEnv,
                Map.copyOf(headers), expect, gatewayHeaders, timeouts(f), retry(f),
                reviewLink != null ? reviewLink : defaultReviewLink, f.optBoolean("stream", false), f.line());
    }

    private static String baseUrl(Fields f) throws ConfigException {
        String raw = f.requireString("base_url").strip();
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw f.error("base_url", "is not a valid URL; write it as given to OpenAI-compatible SDKs, e.g. https://api.cometapi.com/v1");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw f.error("base_url", "must be an http(s) URL with a host, e.g. https://api.cometapi.com/v1");
        }
        if (uri.getRawUserInfo() != null) {
            throw f.error("base_url", "must not carry a user or password; put the key in the env var named by credential_env");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw f.error("base_url", "must not have a query string or fragment (keys do not belong in URLs); remove everything after '?'");
        }
        // java.net.URI accepts some URLs no HTTP client sends to (port 0 or 99999, found by fuzzing).
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw f.error("base_url", "has port " + uri.getPort() + "; a port is between 1 and 65535");
        }
        if (okhttp3.HttpUrl.parse(raw) == null) {
            throw f.error("base_url", "is not a URL an HTTP client can send to; write it as given to OpenAI-compatible SDKs, "
                    + "e.g. https://api.cometapi.com/v1");
        }
        return raw;
    }

    private static Expectations expect(Fields route, String label, String host) throws ConfigException {
        Fields f = route.optMapping("expect");
        if (f == null) {
            return new Expectations(host, null, null, null, label, null);
        }
        f.refuseUnknown(EXPECT_KEYS);
        String upstreamHost = f.optString("upstream_host");
        String headerName = null;
        String headerValue = null;
        Fields h = f.optMapping("upstream_header");
        if (h != null) {
            h.refuseUnknown(Set.of("name", "value"));
            headerName = h.requireString("name");
            headerValue = h.requireString("value");
        }
        return new Expectations(upstreamHost != null ? upstreamHost : host, headerName, headerValue,
                f.optString("route_label_header"), label, f.optString("model_prefix"));
    }

    private static Timeouts timeouts(Fields route) throws ConfigException {
        Fields f = route.optMapping("timeouts");
        if (f == null) {
            return Timeouts.DEFAULT;
        }
        f.refuseUnknown(TIMEOUT_KEYS);
        return new Timeouts(f.optLong("connect_ms", Timeouts.DEFAULT.connectMs(), 1, 600_000),
                f.optLong("request_ms", Timeouts.DEFAULT.requestMs(), 1, 600_000));
    }

    private static RetryPolicy retry(Fields route) throws ConfigException {
        Fields f = route.optMapping("retry");
        if (f == null) {
            return RetryPolicy.DEFAULT;
        }
        f.refuseUnknown(RETRY_KEYS);
        if (f.has("max_retries") && f.optLong("max_retries", 0, 0, Long.MAX_VALUE) > RetryPolicy.MAX_RETRIES_CAP) {
            throw f.error("max_retries", "is at most " + RetryPolicy.MAX_RETRIES_CAP
                    + ": more retries multiply the load on an upstream that is already overloaded");
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        return new RetryPolicy((int) f.optLong("max_retries", d.maxRetries(), 0, RetryPolicy.MAX_RETRIES_CAP),
                f.optLong("base_delay_ms", d.baseDelayMs(), 0, 60_000),
                f.optLong("max_delay_ms", d.maxDelayMs(), 0, 60_000),
                f.optLong("max_retry_after_ms", d.maxRetryAfterMs(), 0, 600_000));
    }

    private static String envName(Fields f, String key, String value) throws ConfigException {
        if (!ENV_NAME.matcher(value).matches()) {
            throw f.error(key, "must be the name of an environment variable (letters, digits, '_'), e.g. COMETAPI_CANARY_KEY");
        }
        return value;
    }

    private static String optUrl(Fields f, String key) throws ConfigException {
        String v = f.optString(key);
        if (v != null && !v.startsWith("https://") && !v.startsWith("http://")) {
            throw f.error(key, "must be an http(s) link to the review or ticket");
        }
        return v;
    }
}
