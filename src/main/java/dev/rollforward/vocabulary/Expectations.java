package dev.rollforward.vocabulary;

/**
 * What a route's answers must show to count as coming from the intended upstream.
 * Null members are not checked.
 */
public record Expectations(
        String upstreamHost,
        String upstreamHeaderName,
        String upstreamHeaderValue,
        String routeLabelHeader,
        String routeLabel,
        String modelPrefix) {
}
