package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.OptionIndex;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A route's {@code expect} block, with the defaults its gateway profile gives (CONTRACT §2, §3). */
final class ExpectReader {

    private static final Set<String> EXPECT_KEYS =
            Set.of("upstream_host", "upstream_header", "route_label_header", "model_prefix", "served_by");

    private ExpectReader() {
    }

    /** @param baseUrlHost the host of the route's base_url */
    static Expectations read(Fields route, String label, String baseUrlHost, Gateway gateway) throws ConfigException {
        // Behind LiteLLM the host to compare is the one it reports (x-litellm-model-api-base), never
        // the proxy's own host: so no default there.
        String defaultHost = gateway.servedBy().apiBaseHeader() != null ? null : baseUrlHost;
        String defaultServedBy = gateway.servedBy().defaultTarget();
        Fields f = route.optMapping("expect");
        if (f == null) {
            return new Expectations(defaultHost, null, null, null, null, label, null, defaultServedBy);
        }
        f.refuseUnknown(EXPECT_KEYS);
        String upstreamHost = f.optString("upstream_host");
        String headerName = null;
        String headerValue = null;
        Pattern headerMatches = null;
        Fields h = f.optMapping("upstream_header");
        if (h != null) {
            h.refuseUnknown(Set.of("name", "value", "matches"));
            headerName = h.requireString("name");
            if (!h.has("value") && !h.has("matches")) {
                throw h.error("value", "missing required key: value (the header's whole value) or matches "
                        + "(a regular expression the whole value must match)");
            }
            if (h.has("value") && h.has("matches")) {
                throw h.error("matches", "give value or matches, not both");
            }
            headerValue = h.optString("value");
            headerMatches = h.has("matches") ? regex(h, h.requireString("matches")) : null;
        }
        String servedBy = servedBy(f, gateway);
        return new Expectations(upstreamHost != null ? upstreamHost : defaultHost, headerName, headerValue, headerMatches,
                f.optString("route_label_header"), label, f.optString("model_prefix"),
                servedBy != null ? servedBy : defaultServedBy);
    }

    private static Pattern regex(Fields h, String regex) throws ConfigException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw h.error("matches", "is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static String servedBy(Fields f, Gateway gateway) throws ConfigException {
        String servedBy = f.optString("served_by");
        if (servedBy == null) {
            return null;
        }
        switch (gateway.servedBy().style()) {
            case NONE:
                throw f.error("served_by", "needs a gateway that reports who served (gateway: portkey or litellm); "
                        + "gateway " + gateway.wire() + " does not, so " + gateway.fallbackAdvice());
            case OPTION_INDEX:
                if (OptionIndex.parse(servedBy) == null) {
                    throw f.error("served_by", "must be a Portkey target path as in x-portkey-last-used-option-index, "
                            + "e.g. config.targets[0] or config.targets[0].targets[1]");
                }
                return servedBy.strip();
            default:
                return servedBy.strip();
        }
    }
}
