package dev.rollforward.secrets;

import java.util.Map;

/** Reading a secret from the environment: the one rule for when a variable counts as set. */
public final class EnvVars {

    private EnvVars() {
    }

    /** The variable's value, or null when it is missing or blank. */
    public static String value(Map<String, String> env, String name) {
        return problem(env, name) == null ? env.get(name) : null;
    }

    public static boolean isSet(Map<String, String> env, String name) {
        return value(env, name) != null;
    }

    /**
     * Why the variable cannot be used, in words that follow its name ("is not set", "is set but
     * empty"), or null when it is set. An exported-but-empty variable is a different mistake from a
     * missing one (a CI secret that did not resolve, a typo in the value), so it is named apart.
     */
    public static String problem(Map<String, String> env, String name) {
        String v = name == null ? null : env.get(name);
        if (v == null) {
            return "is not set";
        }
        if (v.isEmpty()) {
            return "is set but empty";
        }
        return v.isBlank() ? "is set but holds only whitespace" : null;
    }
}
