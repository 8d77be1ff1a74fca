package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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
    private static final Set<String> TOP_KEYS = Set.of("review_link", "require_review_link", "routes");
    private static final Set<String> ROUTE_KEYS = Set.of("label", "base_url", "request_family", "model", "prompt",
            "max_output_tokens", "credential_env", "disabled_credential_env", "headers", "headers_env", "gateway",
            "expect", "gateway_retry_headers", "timeouts", "retry", "review_link", "stream");

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
        Gateway gateway = gateway(f);
        Map<String, String> headers = RouteHeaders.headers(f, gateway);
        Map<String, String> headersEnv = RouteHeaders.headersEnv(f, gateway, headers);
        Expectations expect = ExpectReader.read(f, label, BaseUrls.host(baseUrl), gateway);
        List<String> gatewayHeaders = f.optStringList("gateway_retry_headers", gateway.reporting().retryHeaders());
        String reviewLink = optUrl(f, "review_link");
        return new Route(label, baseUrl, family, model, prompt, maxTokens, credentialEnv, disabledEnv,
                headers, headersEnv, gateway, expect, gatewayHeaders, Limits.timeouts(f),
                Limits.retry(f, gateway.defaultRetry()), reviewLink != null ? reviewLink : defaultReviewLink,
                f.optBoolean("stream", false), f.line());
    }

    private static Gateway gateway(Fields f) throws ConfigException {
        String name = f.optString("gateway");
        if (name == null) {
            return Gateway.NONE;
        }
        Gateway gateway = Gateway.fromWire(name);
        if (gateway == null) {
            throw f.error("gateway", "must be one of " + Gateway.wireNames() + ", not '" + name + "'");
        }
        return gateway;
    }

    private static String baseUrl(Fields f) throws ConfigException {
        String raw = f.requireString("base_url").strip();
        String problem = BaseUrls.problem(raw);
        if (problem != null) {
            throw f.error("base_url", problem);
        }
        return raw;
    }

    static String envName(Fields f, String key, String value) throws ConfigException {
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
