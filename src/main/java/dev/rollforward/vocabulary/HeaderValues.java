package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading response headers as the transport hands them over: a multimap with lower-case names. */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** The first value of header {@code name} (any case); null when it is absent or no name is given. */
    public static String first(Map<String, List<String>> headers, String name) {
        if (name == null) {
            return null;
        }
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
