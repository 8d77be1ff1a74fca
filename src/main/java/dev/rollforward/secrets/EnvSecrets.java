package dev.rollforward.secrets;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the env vars a config names (its keys). A config must not hold one: a key pasted
 * into a header or a URL would be committed with the config and shown by {@code plan}. The rule is
 * the redactor's: what it would mask in an output counts as held.
 */
public final class EnvSecrets {

    private final Map<String, Redactor> byName = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private EnvSecrets() {
    }

    /** The set values of {@code names} in {@code env}; names that are not set hold nothing. */
    public static EnvSecrets of(Map<String, String> env, Collection<String> names) {
        EnvSecrets s = new EnvSecrets();
        for (String name : names) {
            String v = EnvVars.value(env, name);
            if (v != null) {
                s.values.put(name, v.strip());
                s.byName.put(name, new Redactor(List.of(v.strip())));
            }
        }
        return s;
    }

    /** The name of the variable whose value the text equals or contains (8+ characters of it), or null. */
    public String heldBy(String text) {
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            boolean long8 = e.getValue().length() >= Redactor.WINDOW;
            if (text.strip().equals(e.getValue()) || long8 && byName.get(e.getKey()).containsCredential(text)) {
                return e.getKey();
            }
        }
        return null;
    }
}
