package dev.rollforward.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gateways a route can run through, and everything each one says about an answer (CONTRACT §3,
 * REFERENCE "Who served"): which headers name the target that served, which report its retries and
 * fallbacks, which carry its request id and a client's trace id, how its own errors look, and what a
 * route needs so that a silent fallback cannot pass. A new gateway is one new constant here.
 */
public enum Gateway {
    NONE("none", List.of(), ServedByEvidence.NONE,
            new Reporting(Route.DEFAULT_GATEWAY_RETRY_HEADERS, "x-oneapi-request-id", null, null),
            "add expect.upstream_header, expect.route_label_header or expect.model_prefix"),
    PORTKEY("portkey", List.of(),
            new ServedByEvidence(ServedByEvidence.Style.OPTION_INDEX, "x-portkey-last-used-option-index", null, null,
                    "config.targets[0]"),
            new Reporting(List.of("x-portkey-retry-attempt-count"), null, "x-portkey-trace-id", "html-message"),
            "nothing to add: x-portkey-last-used-option-index is checked by default (the first target must serve)"),
    LITELLM("litellm", List.of(),
            new ServedByEvidence(ServedByEvidence.Style.DEPLOYMENT, "x-litellm-model-id", "x-litellm-model-api-base",
                    "x-litellm-attempted-fallbacks", null),
            new Reporting(List.of("x-litellm-attempted-retries"), "x-litellm-call-id", null, null),
            "nothing to add: x-litellm-attempted-fallbacks is checked by default (no fallback may happen)"),
    NEW_API("new-api", List.of("cometapi"), ServedByEvidence.NONE,
            new Reporting(List.of(), "x-oneapi-request-id", null, null),
            "add expect.model_prefix: new-api reports no served-by header, only the answer's model can tell");

    /** The request header every request carries the correlation id in. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /**
     * Response headers that say who served.
     *
     * @param targetHeader   names the target (Portkey's option index, LiteLLM's deployment id)
     * @param apiBaseHeader  the upstream's URL as the gateway called it, or null
     * @param fallbackHeader counts the fallbacks the gateway made, or null (Portkey: the index tells)
     * @param defaultTarget  the target that must serve when {@code expect.served_by} is not set, or null
     */
    public record ServedByEvidence(Style style, String targetHeader, String apiBaseHeader, String fallbackHeader,
                                   String defaultTarget) {

        /** How {@code expect.served_by} is compared with what the gateway reported. */
        public enum Style { NONE, OPTION_INDEX, DEPLOYMENT }

        static final ServedByEvidence NONE = new ServedByEvidence(Style.NONE, null, null, null, null);
    }

    /**
     * What a gateway reports about itself.
     *
     * @param retryHeaders    headers counting its retries (the default of {@code gateway_retry_headers})
     * @param requestIdHeader its own request id, read when the answer has no {@code x-request-id}
     * @param traceHeader     a request header it logs the client's trace id from, or null
     * @param ownErrorField   the top-level field of an error body the gateway made itself, or null
     */
    public record Reporting(List<String> retryHeaders, String requestIdHeader, String traceHeader,
                            String ownErrorField) {
    }

    private final String wire;
    private final List<String> aliases;
    private final ServedByEvidence servedBy;
    private final Reporting reporting;
    private final String fallbackAdvice;

    Gateway(String wire, List<String> aliases, ServedByEvidence servedBy, Reporting reporting, String fallbackAdvice) {
        this.wire = wire;
        this.aliases = aliases;
        this.servedBy = servedBy;
        this.reporting = reporting;
        this.fallbackAdvice = fallbackAdvice;
    }

    public String wire() {
        return wire;
    }

    public ServedByEvidence servedBy() {
        return servedBy;
    }

    public Reporting reporting() {
        return reporting;
    }

    /** What a route through this gateway needs so that a silent fallback cannot pass unnoticed. */
    public String fallbackAdvice() {
        return fallbackAdvice;
    }

    /** The gateway reports who served on its own: a fallback is caught with no expectation configured. */
    public boolean catchesFallbackByDefault() {
        return servedBy.style() != ServedByEvidence.Style.NONE;
    }

    /** Retry at one layer only: behind a gateway, the gateway is that layer and rollforward does not resend. */
    public RetryPolicy defaultRetry() {
        return this == NONE ? RetryPolicy.DEFAULT : RetryPolicy.DEFAULT.withMaxRetries(0);
    }

    /** The request headers that carry the correlation id: X-Request-Id, and the gateway's trace header. */
    public List<String> correlationHeaders() {
        List<String> names = new ArrayList<>(List.of(REQUEST_ID_HEADER));
        if (reporting.traceHeader() != null) {
            names.add(reporting.traceHeader());
        }
        return names;
    }

    /** An error body this gateway made itself, not its upstream (Portkey's {@code {"html-message": …}}). */
    public boolean madeError(BodyFacts facts) {
        return reporting.ownErrorField() != null && facts.otherFields().contains(reporting.ownErrorField());
    }

    /** The gateway for a config value (a name or an alias, any case), or null when there is none. */
    public static Gateway fromWire(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (Gateway g : values()) {
            if (g.wire.equals(v) || g.aliases.contains(v)) {
                return g;
            }
        }
        return null;
    }

    /** The config values, for messages that list them. */
    public static String wireNames() {
        List<String> names = new ArrayList<>();
        for (Gateway g : values()) {
            names.add(g.wire);
            names.addAll(g.aliases);
        }
        return String.join(", ", names);
    }
}
