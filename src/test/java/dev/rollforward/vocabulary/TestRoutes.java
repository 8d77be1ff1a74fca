package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/** Routes for tests that judge snapshots without loading a config. */
public final class TestRoutes {

    private TestRoutes() {
    }

    /** A route of {@code family} with these expectations and gateway retry headers; everything else defaulted. */
    public static Route route(RequestFamily family, Expectations expect, List<String> gatewayRetryHeaders) {
        return route(family, expect, gatewayRetryHeaders, false);
    }

    /** A route of {@code family} that asks for the stream ({@code stream: true}). */
    public static Route streaming(RequestFamily family, Expectations expect) {
        return route(family, expect, Route.DEFAULT_GATEWAY_RETRY_HEADERS, true);
    }

    private static Route route(RequestFamily family, Expectations expect, List<String> gatewayRetryHeaders,
                               boolean stream) {
        return new Route(expect.routeLabel(), "https://" + expect.upstreamHost() + "/v1", family, "gpt-4o-mini",
                Route.DEFAULT_PROMPT, Route.DEFAULT_MAX_OUTPUT_TOKENS, "TEST_CANARY_KEY", null, Map.of(), expect,
                gatewayRetryHeaders, Timeouts.DEFAULT, RetryPolicy.DEFAULT, null, stream, 1);
    }

    public static Route route(RequestFamily family, Expectations expect) {
        return route(family, expect, Route.DEFAULT_GATEWAY_RETRY_HEADERS);
    }
}
