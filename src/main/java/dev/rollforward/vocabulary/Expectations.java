package dev.rollforward.vocabulary;

import java.util.regex.Pattern;

/**
 * What a route's answers must show to count as coming from the intended upstream.
 * Null members are not checked.
 *
 * @param upstreamHost          compared with the host the request went to, or (LiteLLM) with the host
 *                              of the upstream URL the gateway reports
 * @param upstreamHeaderValue   the header's whole value must be this, or
 * @param upstreamHeaderMatches the header's whole value must match this
 * @param servedBy              the target the gateway must report (CONTRACT §3), or null
 */
public record Expectations(
        String upstreamHost,
        String upstreamHeaderName,
        String upstreamHeaderValue,
        Pattern upstreamHeaderMatches,
        String routeLabelHeader,
        String routeLabel,
        String modelPrefix,
        String servedBy) {

    /** Expectations with no header pattern and no served-by target. */
    public Expectations(String upstreamHost, String upstreamHeaderName, String upstreamHeaderValue,
                        String routeLabelHeader, String routeLabel, String modelPrefix) {
        this(upstreamHost, upstreamHeaderName, upstreamHeaderValue, null, routeLabelHeader, routeLabel, modelPrefix,
                null);
    }

    /** The upstream header's value is the one expected (the whole value, or a match of the whole value). */
    public boolean upstreamHeaderAccepts(String value) {
        return upstreamHeaderMatches != null ? upstreamHeaderMatches.matcher(value).matches()
                : upstreamHeaderValue.equals(value);
    }

    /** The expected upstream header as a person reads it: {@code X-Upstream: cometapi} or {@code X-Upstream ~ /regex/}. */
    public String upstreamHeaderText() {
        return upstreamHeaderMatches != null ? upstreamHeaderName + " matches " + upstreamHeaderMatches.pattern()
                : upstreamHeaderName + ": " + upstreamHeaderValue;
    }
}
