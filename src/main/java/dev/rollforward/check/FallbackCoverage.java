package dev.rollforward.check;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Route;

/**
 * CONTRACT §3, {@code validate}'s warning: could anything configured on a route tell an answer from a
 * gateway's silent fallback from one by the intended upstream? The host rollforward sends to cannot:
 * the gateway is that host either way.
 */
public final class FallbackCoverage {

    private FallbackCoverage() {
    }

    /** A warning naming what to add for the route's gateway, or null when a fallback would be caught. */
    public static String warning(Route route) {
        Expectations e = route.expect();
        boolean caught = route.gateway().catchesFallbackByDefault() || e.upstreamHeaderName() != null
                || e.routeLabelHeader() != null || e.modelPrefix() != null;
        if (caught) {
            return null;
        }
        return route.label() + ": nothing configured can tell a silent fallback from the intended upstream (gateway: "
                + route.gateway().wire() + "); " + route.gateway().fallbackAdvice();
    }
}
