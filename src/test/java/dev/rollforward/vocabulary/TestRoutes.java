package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/** Routes for tests that judge snapshots without loading a config. */
public final class TestRoutes {

    private TestRoutes() {
    }

    /** A route of {@code family} with these expectations and gateway retry headers; everything else defaulted. */
    public static Route route(RequestFamily family, Expectations expect, List<String> gatewayRetryHeaders) {
        return new Route(expect.routeLabel(), "https://" + expect.upstreamHost() + "/v1", family, "gpt-4o-mini",
                Route.DEFAULT_PROMPT, Route.DEFAULT_MAX_OUTPUT_TOKENS, "TEST_CANARY_KEY", null, Map.of(), expect,
                gatewayRetryHeaders, Timeouts.DEFAULT, RetryPolicy.DEFAULT, null, 1);
    }

    public static Route route(RequestFamily family, Expectations expect) {
        return route(family, expect, Route.DEFAULT_GATEWAY_RETRY_HEADERS);
    }
}
