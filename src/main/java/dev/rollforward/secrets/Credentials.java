package dev.rollforward.secrets;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets of a route, read from the environment only when a check runs: the two keys and the
 * values of its {@code headers_env}.
 *
 * @param generatedDisabled the disabled key was made up by rollforward (no disabled_credential_env)
 * @param headerValues      request header name → value read from the env var {@code headers_env} names
 */
public record Credentials(String canary, String disabled, boolean generatedDisabled, Map<String, String> headerValues) {

    public Credentials {
        headerValues = Map.copyOf(headerValues);
    }

    /** Every secret value, for the redactor. */
    public List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(canary, disabled));
        all.addAll(headerValues.values());
        return all;
    }

    @Override
    public String toString() {
        return "Credentials[redacted]";
    }

    /** Resolves the env vars a route names; a missing or empty one is a config error naming it. */
    public static Credentials resolve(String file, Route route, Map<String, String> env) throws ConfigException {
        String canary = env.get(route.credentialEnv());
        if (canary == null || canary.isBlank()) {
            throw ConfigException.at(file, route.line(), route.label() + ".credential_env",
                    "environment variable " + route.credentialEnv() + " is not set; export it with the route's canary key");
        }
        String disabled;
        boolean generated = route.disabledCredentialEnv() == null;
        if (generated) {
            disabled = "sk-rfdisabled" + HexFormat.of().formatHex(randomBytes());
        } else {
            disabled = env.get(route.disabledCredentialEnv());
            if (disabled == null || disabled.isBlank()) {
                throw ConfigException.at(file, route.line(), route.label() + ".disabled_credential_env",
                        "environment variable " + route.disabledCredentialEnv()
                                + " is not set; export it with a disabled key, or drop the key to use a generated invalid one");
            }
        }
        if (!headerSafe(canary.strip()) || !headerSafe(disabled.strip())) {
            throw ConfigException.at(file, route.line(), route.label() + ".credential_env",
                    "a key holds spaces, line breaks or non-ASCII characters that cannot go in an HTTP header; check how it was exported");
        }
        if (disabled.strip().equals(canary.strip())) {
            throw ConfigException.at(file, route.line(), route.label() + ".disabled_credential_env",
                    "holds the same key as " + route.credentialEnv() + "; the error path needs a disabled key");
        }
        return new Credentials(canary.strip(), disabled.strip(), generated, headerValues(file, route, env));
    }

    /** The {@code headers_env} values; a variable that is not set is a config error naming it. */
    private static Map<String, String> headerValues(String file, Route route, Map<String, String> env)
            throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : route.headersEnv().entrySet()) {
            String value = EnvVars.value(env, h.getValue());
            // The header is named in words, not as "name: ...", which the redactor would read as its value.
            String variable = "environment variable " + h.getValue() + " (for header " + h.getKey() + ")";
            if (value == null) {
                throw ConfigException.at(file, route.line(), route.label() + ".headers_env",
                        variable + " is not set; export it with the value to send");
            }
            if (!value.strip().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw ConfigException.at(file, route.line(), route.label() + ".headers_env", variable
                        + " holds line breaks, control or non-ASCII characters that cannot go in an HTTP header");
            }
            values.put(h.getKey(), value.strip());
        }
        return values;
    }

    private static boolean headerSafe(String key) {
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
