package dev.rollforward.secrets;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The two keys of a route, read from the environment only when a check runs.
 *
 * @param generatedDisabled the disabled key was made up by rollforward (no disabled_credential_env)
 */
public record Credentials(String canary, String disabled, boolean generatedDisabled) {

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
        return new Credentials(canary.strip(), disabled.strip(), generated);
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
