package dev.rollforward.cli;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.Timeouts;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The demo's config: a chat and a responses route through the sandbox, each expecting the sandbox's marks. */
final class DemoRoutes {

    static final String SOURCE = "demo (built in)";
    private static final String LABEL_HEADER = "X-Route-Label";
    private static final Timeouts TIMEOUTS = new Timeouts(2000, 3000);

    private DemoRoutes() {
    }

    static RouteFile of(String sandboxBaseUrl) {
        return new RouteFile(SOURCE, List.of(
                route(sandboxBaseUrl, RequestFamily.CHAT), route(sandboxBaseUrl, RequestFamily.RESPONSES)));
    }

    private static Route route(String baseUrl, RequestFamily family) {
        String label = "sandbox-" + family.wire();
        Expectations expect = new Expectations(URI.create(baseUrl).getHost(), "X-Upstream", "sandbox", LABEL_HEADER, label,
                null);
        return new Route(label, baseUrl, family, "gpt-4o-mini", Route.DEFAULT_PROMPT, Route.DEFAULT_MAX_OUTPUT_TOKENS,
                SandboxCommand.KEY_ENV, null, Map.of(LABEL_HEADER, label), expect,
                Route.DEFAULT_GATEWAY_RETRY_HEADERS, TIMEOUTS, RetryPolicy.DEFAULT, null, false, 0);
    }
}
