package dev.rollforward.cli;

import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.Timeouts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's config: a chat, a responses and a messages route through the sandbox, then the same three
 * streaming, each expecting the sandbox's marks and the model asked for (so a silent fallback to another
 * model is caught, whatever the gateway): one family, or its plain form, is no proof for another.
 */
final class DemoRoutes {

    static final String SOURCE = "demo (built in)";
    private static final String LABEL_HEADER = "X-Route-Label";
    private static final String MODEL = "gpt-4o-mini";
    private static final Timeouts TIMEOUTS = new Timeouts(2000, 3000);

    private DemoRoutes() {
    }

    static RouteFile of(String sandboxBaseUrl) {
        List<Route> routes = new ArrayList<>();
        for (boolean stream : new boolean[] {false, true}) {
            for (RequestFamily family : RequestFamily.values()) {
                routes.add(route(sandboxBaseUrl, family, stream));
            }
        }
        return new RouteFile(SOURCE, List.copyOf(routes));
    }

    private static Route route(String baseUrl, RequestFamily family, boolean stream) {
        String label = "sandbox-" + family.wire() + (stream ? "-stream" : "");
        Expectations expect = new Expectations(URI.create(baseUrl).getHost(), "X-Upstream", "sandbox", LABEL_HEADER, label,
                MODEL);
        return new Route(label, baseUrl, family, MODEL, Route.DEFAULT_PROMPT, Route.DEFAULT_MAX_OUTPUT_TOKENS,
                SandboxCommand.KEY_ENV, null, Map.of(LABEL_HEADER, label), Map.of(), Gateway.NONE, expect,
                Gateway.NONE.reporting().retryHeaders(), TIMEOUTS, Gateway.NONE.defaultRetry(), null, stream, 0);
    }
}
