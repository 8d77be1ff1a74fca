package dev.rollforward.vocabulary;

/**
 * What an answer said about who served it, each value as received (or null): the report sanitizes
 * them before they are shown.
 *
 * @param gateway          the route's gateway profile ({@code none}, {@code portkey}, …)
 * @param target           the gateway's served-by evidence (Portkey's option index, LiteLLM's deployment id)
 * @param apiBaseHost      the host of the upstream URL the gateway reported (LiteLLM)
 * @param model            the body's {@code model}
 * @param upstreamHeader   the value of the header {@code expect.upstream_header} names
 * @param routeLabelHeader the value of the header {@code expect.route_label_header} names
 */
public record ServedBy(String gateway, String target, String apiBaseHost, String model, String upstreamHeader,
                       String routeLabelHeader) {
}
