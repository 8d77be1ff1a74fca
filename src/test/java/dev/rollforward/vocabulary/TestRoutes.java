package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/** Routes for tests that judge snapshots without loading a config. */
public final class TestRoutes {

    /** Fixed provenance for results built without a run: a version, a digest and the test canary key's fingerprint. */
    public static final Provenance PROVENANCE = new Provenance("0.1.0",
            "sha256:5c3f2b6c0e1d4a7f8b9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4", "sha256:cccc103ede1a");

    private TestRoutes() {
    }

    /** A route of {@code family} with these expectations and gateway retry headers; everything else defaulted. */
    public static Route route(RequestFamily family, Expectations expect, List<String> gatewayRetryHeaders) {
        return route(family, expect, Gateway.NONE, gatewayRetryHeaders);
    }

    public static Route route(RequestFamily family, Expectations expect) {
        return route(family, expect, Route.DEFAULT_GATEWAY_RETRY_HEADERS);
    }

    /** A route through {@code gateway}, with its retry headers and retry default, as the config loader makes it. */
    public static Route route(RequestFamily family, Expectations expect, Gateway gateway) {
        return route(family, expect, gateway, gateway.reporting().retryHeaders());
    }

    /** A route of {@code family} that asks for the stream ({@code stream: true}). */
    public static Route streaming(RequestFamily family, Expectations expect) {
        return route(family, expect, Gateway.NONE, Route.DEFAULT_GATEWAY_RETRY_HEADERS, true);
    }

    private static Route route(RequestFamily family, Expectations expect, Gateway gateway, List<String> retryHeaders) {
        return route(family, expect, gateway, retryHeaders, false);
    }

    private static Route route(RequestFamily family, Expectations expect, Gateway gateway, List<String> retryHeaders,
                               boolean stream) {
        return new Route(expect.routeLabel(), "https://" + expect.upstreamHost() + "/v1", family, "gpt-4o-mini",
                Route.DEFAULT_PROMPT, Route.DEFAULT_MAX_OUTPUT_TOKENS, "TEST_CANARY_KEY", null, Map.of(), Map.of(),
                gateway, expect, retryHeaders, Timeouts.DEFAULT, gateway.defaultRetry(), null, stream, 1);
    }
}
