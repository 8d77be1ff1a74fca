package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.Timeouts;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.secrets.CredentialHeaders;
import dev.rollforward.secrets.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and strictly validates a route config (CONTRACT §2). Reads no env var, sends nothing. */
public final class ConfigLoader {

    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** RFC 9110 token; a header value is tab or printable ASCII, as OkHttp checks before sending. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");
    private static final Set<String> TOP_KEYS = Set.of("review_link", "routes");
    private static final Set<String> ROUTE_KEYS = Set.of("label", "base_url", "request_family", "model", "prompt",
            "max_output_tokens", "credential_env", "disabled_credential_env", "headers", "expect",
            "gateway_retry_headers", "timeouts", "retry", "review_link");
    private static final Set<String> EXPECT_KEYS = Set.of("upstream_host", "upstream_header", "route_label_header", "model_prefix");
    private static final Set<String> TIMEOUT_KEYS = Set.of("connect_ms", "request_ms");
    private static final Set<String> RETRY_KEYS = Set.of("max_retries", "base_delay_ms", "max_delay_ms", "max_retry_after_ms");

    private ConfigLoader() {
    }

    public static RouteFile load(Path path) throws ConfigException {
        String file = path.toString();
        String text;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw ConfigException.at(file, 0, null, "is larger than 1 MiB; a route config is a few lines");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.at(file, 0, null, "no such file; pass the route config with --config FILE");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw ConfigException.at(file, 0, null, "cannot be read (" + e.getClass().getSimpleName() + "); check the path and its permissions");
        }
        return parse(file, text);
    }

    public static RouteFile parse(String file, String text) throws ConfigException {
        Node root = ConfigTree.parse(file, text);
        refuseSecrets(file, root, "");
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
        return new RouteFile(file, reviewLink, List.copyOf(routes));
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
        Map<String, String> headers = f.optStringMap("headers");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            // What HTTP (and OkHttp) accepts: found by fuzzing; before, such a header failed the run at send time.
            if (!HEADER_NAME.matcher(h.getKey()).matches()) {
                throw f.error("headers", "has a header name that is not a valid HTTP header name "
                        + "(letters, digits and !#$%&'*+-.^_`|~ only; no spaces or colons)");
            }
            if (!HEADER_VALUE.matcher(h.getValue()).matches()) {
                throw f.error("headers", h.getKey() + " has a value HTTP cannot carry: printable ASCII only, "
                        + "no line breaks or control characters");
            }
            if (CredentialHeaders.isCredentialHeader(h.getKey())) {
                throw f.error("headers", "must not set " + h.getKey() + "; the credential comes from credential_env");
            }
        }
        Expectations expect = expect(f, label, BaseUrls.host(baseUrl));
        List<String> gatewayHeaders = f.optStringList("gateway_retry_headers", Route.DEFAULT_GATEWAY_RETRY_HEADERS);
        String reviewLink = optUrl(f, "review_link");
        return new Route(label, baseUrl, family, model, prompt, maxTokens, credentialEnv, disabledEnv,
                Map.copyOf(headers), expect, gatewayHeaders, timeouts(f), retry(f),
                reviewLink != null ? reviewLink : defaultReviewLink, f.line());
    }

    private static String baseUrl(Fields f) throws ConfigException {
        String raw = f.requireString("base_url").strip();
        String problem = BaseUrls.problem(raw);
        if (problem != null) {
            throw f.error("base_url", problem);
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

    /** Secrets never live in the config: any value (or key) that looks like one is refused, by name only. */
    private static void refuseSecrets(String file, Node node, String path) throws ConfigException {
        Object v = node.value();
        if (v instanceof String && Redactor.looksLikeSecret((String) v)) {
            throw ConfigException.at(file, node.line(), path.isEmpty() ? "(top level)" : path,
                    "looks like a credential; secrets never go in the config, only the NAME of the env var that holds them");
        } else if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                String key = path.isEmpty() ? (String) e.getKey() : path + "." + e.getKey();
                if (Redactor.looksLikeSecret((String) e.getKey())) {
                    throw ConfigException.at(file, ((Node) e.getValue()).line(), path.isEmpty() ? "(top level)" : path,
                            "has a key that looks like a credential; secrets never go in the config");
                }
                refuseSecrets(file, (Node) e.getValue(), key);
            }
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            for (int i = 0; i < list.size(); i++) {
                refuseSecrets(file, (Node) list.get(i), path + "[" + i + "]");
            }
        }
    }
}
