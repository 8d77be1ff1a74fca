package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * Retries a gateway reports having made behind one response (LiteLLM, Portkey).
 *
 * @param count        retries reported; an unknown count counts as one
 * @param countUnknown a header said retries happened without saying how many (Portkey's -1)
 */
public record GatewayRetries(int count, boolean countUnknown) {

    public static final GatewayRetries NONE = new GatewayRetries(0, false);

    /** The gateway retried: the client must not retry on top (retry at one layer only). */
    public boolean happened() {
        return count > 0;
    }

    /** Reads the named headers (names case-insensitive; the map's names are lower case). */
    public static GatewayRetries from(Map<String, List<String>> headers, List<String> names) {
        int count = 0;
        boolean unknown = false;
        for (String name : names) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            if (values == null) {
                continue;
            }
            for (String value : values) {
                long n = parse(value);
                if (n < 0) {
                    unknown = true;
                } else {
                    count += (int) Math.min(n, 1000);
                }
            }
        }
        if (unknown && count == 0) {
            count = 1;
        }
        return count == 0 && !unknown ? NONE : new GatewayRetries(count, unknown);
    }

    /** A whole number, or -1 for "retried, number unknown" (negative or unreadable values). */
    private static long parse(String value) {
        try {
            long n = Long.parseLong(value.trim());
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return value.isBlank() ? 0 : -1;
        }
    }
}
