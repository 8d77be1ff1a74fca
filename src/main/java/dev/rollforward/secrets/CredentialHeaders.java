package dev.rollforward.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The header names that carry a credential: never set from a config, always masked when shown. */
public final class CredentialHeaders {

    public static final List<String> NAMES =
            List.of("Authorization", "Proxy-Authorization", "api-key", "x-api-key", "Cookie", "Set-Cookie");

    /** {@code name: value} or {@code "name":"value"} in free text; group 3 is the value. */
    static final Pattern IN_TEXT = Pattern.compile("(?i)\\b(" + String.join("|", NAMES).toLowerCase(Locale.ROOT)
            + ")(\"?\\s*[:=]\\s*\"?)([^\\r\\n\",}]+)");

    /** Parts of a header name that say its value is a secret (x-portkey-api-key, X-Auth-Token, ...). */
    private static final Set<String> SECRET_WORDS = Set.of("token", "secret", "password", "passwd", "credential",
            "credentials", "apikey", "auth", "jwt", "signature");
    /** "key" alone is too common (X-Cache-Key); these words before it make it a credential. */
    private static final Set<String> KEY_KINDS = Set.of("api", "access", "private", "secret", "subscription", "auth");

    private CredentialHeaders() {
    }

    /**
     * True when a header's name says it carries a secret, whatever its value: a config must not
     * set it, since secrets come only from env vars.
     */
    public static boolean namesASecret(String name) {
        if (isCredentialHeader(name)) {
            return true;
        }
        String[] parts = name.toLowerCase(Locale.ROOT).split("[-_.]");
        for (int i = 0; i < parts.length; i++) {
            if (SECRET_WORDS.contains(parts[i]) || parts[i].equals("key") && i > 0 && KEY_KINDS.contains(parts[i - 1])) {
                return true;
            }
        }
        return false;
    }

    public static boolean isCredentialHeader(String name) {
        for (String n : NAMES) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
