package dev.rollforward.check;

import static dev.rollforward.vocabulary.Decision.HOLD;
import static dev.rollforward.vocabulary.Decision.STAY;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.OptionIndex;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.ServedBy;
import java.util.function.Predicate;

/**
 * CONTRACT §5: did a happy-path 2xx come from the intended upstream? Each expectation is met, contradicted
 * ({@code stay}, {@code wrong_…}) or cannot be checked because the answer lacks the evidence
 * ({@code hold}, {@code upstream_unverifiable} and {@code <expectation>_unverifiable}). A gateway that
 * reports a fallback is {@code stay} ({@code gateway_fell_back}).
 */
final class UpstreamEvidence {

    static final String UNVERIFIABLE = "upstream_unverifiable";

    private UpstreamEvidence() {
    }

    static void judge(JudgementBuilder j, Route route, Observation o) {
        Expectations e = route.expect();
        ServedBy seen = o.servedBy();
        if (e.upstreamHost() != null) {
            // Behind LiteLLM, the host it reports; else the host rollforward sent to (redirects are never followed).
            String host = route.gateway().servedBy().apiBaseHeader() != null ? seen.apiBaseHost() : o.snap().requestHost();
            compare(j, "upstream_host", host, e.upstreamHost()::equalsIgnoreCase, "wrong_upstream_host");
        }
        if (e.upstreamHeaderName() != null) {
            compare(j, "upstream_header", seen.upstreamHeader(), e::upstreamHeaderAccepts, "wrong_upstream_header");
        }
        if (e.routeLabelHeader() != null) {
            compare(j, "route_label_header", seen.routeLabelHeader(), e.routeLabel()::equals, "wrong_route_label");
        }
        if (e.modelPrefix() != null && o.facts().shape().isSuccess()) {
            compare(j, "model_prefix", seen.model(), m -> m.startsWith(e.modelPrefix()), "wrong_model");
        }
        servedBy(j, route.gateway(), e.servedBy(), o);
    }

    private static void servedBy(JudgementBuilder j, Gateway gateway, String expected, Observation o) {
        if (o.gateway().fallbacks() > 0) {
            j.add(STAY, "gateway_fell_back");
            return;
        }
        if (expected == null) {
            return;
        }
        ServedBy seen = o.servedBy();
        switch (gateway.servedBy().style()) {
            case OPTION_INDEX -> {
                OptionIndex actual = OptionIndex.parse(seen.target());
                compare(j, "served_by", actual == null ? null : seen.target(),
                        t -> OptionIndex.parse(expected).served(actual), "wrong_served_by");
            }
            case DEPLOYMENT -> compare(j, "served_by", seen.target() == null ? seen.apiBaseHost() : seen.target(),
                    t -> expected.equals(seen.target()) || expected.equalsIgnoreCase(seen.apiBaseHost()), "wrong_served_by");
            case NONE -> { }
        }
    }

    /** Absent evidence holds and names the expectation; evidence that contradicts it stays. */
    private static void compare(JudgementBuilder j, String expectation, String actual, Predicate<String> expected,
                                String contradicted) {
        if (actual == null) {
            j.add(HOLD, UNVERIFIABLE).add(HOLD, expectation + "_unverifiable");
        } else if (!expected.test(actual)) {
            j.add(STAY, contradicted);
        }
    }
}
