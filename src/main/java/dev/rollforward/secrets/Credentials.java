package dev.rollforward.secrets;


import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Phase;
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

    /** The key the attempt of this phase presents: the canary on the happy path, the disabled one on the error path. */
    public String key(Phase phase) {
        return phase == Phase.HAPPY_PATH ? canary : disabled;
    }


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

    /** Resolves the env vars a route names; a missing, empty or unsendable one is a config error naming it. */
    public static Credentials resolve(String file, Route route, Map<String, String> env) throws ConfigException {
        String canary = read(file, route, "credential_env", route.credentialEnv(), env,
                "export it with the route's canary key");
        String disabled;
        boolean generated = route.disabledCredentialEnv() == null;
        if (generated) {
            disabled = "sk-rfdisabled" + HexFormat.of().formatHex(randomBytes());
        } else {
            disabled = read(file, route, "disabled_credential_env", route.disabledCredentialEnv(), env,
                    "export it with a disabled key, or drop the key to use a generated invalid one");
            if (disabled.equals(canary)) {
                throw ConfigException.at(file, route.line(), route.label() + ".disabled_credential_env",
                        "holds the same key as " + route.credentialEnv() + "; the error path needs a disabled key");
            }
        }
        return new Credentials(canary, disabled, generated, headerValues(file, route, env));
    }

    /** The {@code headers_env} values; a variable that is not set, or holds what HTTP cannot carry, is a config error. */
    private static Map<String, String> headerValues(String file, Route route, Map<String, String> env)
            throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : route.headersEnv().entrySet()) {
            // The header is named in words, not as "name: ...", which the redactor would read as its value.
            String variable = "environment variable " + h.getValue() + " (for header " + h.getKey() + ")";
            String problem = EnvVars.problem(env, h.getValue());
            if (problem != null) {
                throw ConfigException.at(file, route.line(), route.label() + ".headers_env",
                        variable + " " + problem + "; export it with the value to send");
            }
            String value = env.get(h.getValue()).strip();
            if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw ConfigException.at(file, route.line(), route.label() + ".headers_env", variable
                        + " holds line breaks, control or non-ASCII characters that cannot go in an HTTP header");
            }
            values.put(h.getKey(), value);
        }
        return values;
    }

    /** One key, its ends trimmed; every error names the config key and the variable, never the value. */
    private static String read(String file, Route route, String configKey, String name, Map<String, String> env,
                               String fix) throws ConfigException {
        String problem = EnvVars.problem(env, name);
        if (problem != null) {
            throw ConfigException.at(file, route.line(), route.label() + "." + configKey,
                    "environment variable " + name + " " + problem + "; " + fix);
        }
        String key = env.get(name).strip();
        String unsendable = unsendable(key);
        if (unsendable != null) {
            throw ConfigException.at(file, route.line(), route.label() + "." + configKey,
                    "environment variable " + name + " holds " + unsendable
                            + ", which cannot go in an HTTP header; check how it was exported");
        }
        return key;
    }

    /** What in a key HTTP cannot carry, in words, or null when every character is printable ASCII. */
    private static String unsendable(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\n' || c == '\r') {
                return "a line break";
            } else if (c == ' ' || c == '\t') {
                return "a space or tab";
            } else if (c < 0x20 || c == 0x7f) {
                return "a control character";
            } else if (c > 0x7e) {
                return "a non-ASCII character";
            }
        }
        return null;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
