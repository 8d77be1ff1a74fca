package dev.rollforward.secrets;

import java.util.Map;

/** Reading a secret from the environment: the one rule for when a variable counts as set. */
public final class EnvVars {

    private EnvVars() {
    }

    /** The variable's value, or null when it is missing or blank. */
    public static String value(Map<String, String> env, String name) {
        String v = name == null ? null : env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public static boolean isSet(Map<String, String> env, String name) {
        return value(env, name) != null;
    }
}
