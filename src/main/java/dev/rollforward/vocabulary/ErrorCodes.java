package dev.rollforward.vocabulary;

import java.util.Locale;
import java.util.Set;

/**
 * What an upstream's {@code error.code} means for a check, for the retry rules and the decision
 * table alike (REFERENCE: CometAPI, OpenAI).
 */
public final class ErrorCodes {

    /** A 429 with this code is an exhausted quota: it needs a person, retrying cannot help. */
    public static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    /** Codes a gateway puts on a 5xx that blame the request, not the load: resending cannot help. */
    private static final Set<String> REQUEST_BLAMED = Set.of("invalid_request", "model_not_found");

    private ErrorCodes() {
    }

    public static boolean quotaExhausted(String code) {
        return INSUFFICIENT_QUOTA.equalsIgnoreCase(code);
    }

    /** The code in lower case when it blames the request, else null. */
    public static String blamedOnRequest(String code) {
        if (code == null) {
            return null;
        }
        String c = code.toLowerCase(Locale.ROOT);
        return REQUEST_BLAMED.contains(c) ? c : null;
    }
}
