package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * What a gateway's headers said about one answer: the retries it reported, the fallbacks it made,
 * and the target that served (raw header values; the report sanitizes what it shows).
 *
 * @param fallbacks targets passed over (Portkey: the index past the expected one; LiteLLM: its count)
 * @param target    the served-by target the gateway named, or null
 * @param apiBase   the upstream URL the gateway called (LiteLLM), or null
 * @param requestId the answer's {@code x-request-id}, else the gateway's own request id header, or null
 */
public record GatewayReport(GatewayRetries retries, int fallbacks, String target, String apiBase, String requestId) {

    /** The answer's own request id header; a gateway's comes second. */
    static final String REQUEST_ID = "x-request-id";

    public static final GatewayReport NONE = new GatewayReport(GatewayRetries.NONE, 0, null, null, null);

    public int retryCount() {
        return retries.count();
    }

    /** The gateway retried or fell back: rollforward must not resend on top (retry at one layer only). */
    public boolean gatewayActed() {
        return retries.happened() || fallbacks > 0;
    }

    /**
     * Reads one answer's headers (names lower case) for a route through {@code gateway}.
     *
     * @param retryHeaders   the route's {@code gateway_retry_headers}
     * @param expectedTarget the route's {@code expect.served_by} (or the gateway's default), or null
     */
    public static GatewayReport read(Gateway gateway, Map<String, List<String>> headers, List<String> retryHeaders,
                                     String expectedTarget) {
        Gateway.ServedByEvidence evidence = gateway.servedBy();
        String target = HeaderValues.first(headers, evidence.targetHeader());
        int fallbacks = switch (evidence.style()) {
            case OPTION_INDEX -> optionIndexFallbacks(target, expectedTarget);
            case DEPLOYMENT -> count(HeaderValues.first(headers, evidence.fallbackHeader()));
            case NONE -> 0;
        };
        String requestId = HeaderValues.first(headers, REQUEST_ID);
        return new GatewayReport(GatewayRetries.from(headers, retryHeaders), fallbacks, target,
                HeaderValues.first(headers, evidence.apiBaseHeader()),
                requestId != null ? requestId : HeaderValues.first(headers, gateway.reporting().requestIdHeader()));
    }

    private static int optionIndexFallbacks(String target, String expectedTarget) {
        OptionIndex actual = OptionIndex.parse(target);
        OptionIndex expected = OptionIndex.parse(expectedTarget);
        return actual == null || expected == null ? 0 : expected.fallbacksTo(actual);
    }

    /** A whole number of fallbacks; present but unreadable counts as one (it said something happened). */
    private static int count(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.strip());
            return n < 0 ? 1 : (int) Math.min(n, 1000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

}
