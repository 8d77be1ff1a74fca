package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What rollforward saw of one attempt, free of any HTTP library type, so the decision
 * table can be tested without a network.
 *
 * @param status         the final HTTP status, or {@link #NO_STATUS} when no response came
 * @param headers        response headers, names in lower case
 * @param body           the body bytes read, at most the body cap
 * @param bodyTruncated  the body was longer than the cap; the rest was discarded unread
 * @param bodyError      null, or a reason code when reading the body failed part way
 * @param requestHost    host of the request that produced the final response
 * @param resends        resends rollforward itself made for this attempt
 * @param noResponse     null when a status came, else a reason code (timeout, connect_failed, …)
 * @param detail         a short, already redacted explanation for a person, or null
 * @param failureCode    null, or a more specific reason code under {@code noResponse}
 *                       (e.g. {@code tls_unknown_ca} under {@code tls_failure})
 */
public record ResponseSnapshot(
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        boolean bodyTruncated,
        String bodyError,
        String requestHost,
        int resends,
        String noResponse,
        String detail,
        String failureCode) {

    public static final int NO_STATUS = -1;

    public ResponseSnapshot(int status, Map<String, List<String>> headers, byte[] body, boolean bodyTruncated,
                            String bodyError, String requestHost, int resends, String noResponse, String detail) {
        this(status, headers, body, bodyTruncated, bodyError, requestHost, resends, noResponse, detail, null);
    }

    public static ResponseSnapshot noResponse(String requestHost, int resends, String reason, String detail) {
        return noResponse(requestHost, resends, reason, null, detail);
    }

    /** @param failureCode a more specific code under {@code reason}, or null */
    public static ResponseSnapshot noResponse(String requestHost, int resends, String reason, String failureCode,
                                              String detail) {
        return new ResponseSnapshot(NO_STATUS, Map.of(), new byte[0], false, null, requestHost, resends, reason, detail,
                failureCode);
    }

    public boolean hasStatus() {
        return status != NO_STATUS;
    }

    /** {@code 2xx} style class, or {@code none}. */
    public String statusClass() {
        return hasStatus() ? (status / 100) + "xx" : "none";
    }

    /** First value of a header, name case-insensitive; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
