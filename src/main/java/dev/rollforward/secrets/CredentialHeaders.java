package dev.rollforward.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The header names that carry a credential: never set from a config, always masked when shown. */
public final class CredentialHeaders {

    public static final List<String> NAMES =
            List.of("Authorization", "Proxy-Authorization", "api-key", "x-api-key", "Cookie", "Set-Cookie");

    /** {@code name: value} or {@code "name":"value"} in free text; group 3 is the value. */
    static final Pattern IN_TEXT = Pattern.compile("(?i)\\b(" + String.join("|", NAMES).toLowerCase(Locale.ROOT)
            + ")(\"?\\s*[:=]\\s*\"?)([^\\r\\n\",}]+)");

    private CredentialHeaders() {
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
