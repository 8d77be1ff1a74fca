package dev.rollforward.report;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.BaseUrlAdvice;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A 404 on the happy path is a {@code stay} (client_error), and most often a config typo rather
 * than a broken route: stderr says which URL was called and what in the config to check.
 */
public final class NotFoundHint implements ResultSink {

    private final Console console;
    private final Map<String, Route> routes = new HashMap<>();

    public NotFoundHint(Console console, List<Route> checked) {
        this.console = console;
        checked.forEach(r -> routes.put(r.label(), r));
    }

    @Override
    public void accept(RouteResult result) {
        Route route = routes.get(result.label());
        for (AttemptResult a : result.attempts()) {
            Integer status = a.httpStatus();
            if (route != null && a.phase() == Phase.HAPPY_PATH && status != null && status == 404) {
                String advice = BaseUrlAdvice.of(route);
                console.info("  " + result.label() + " happy-path: 404 from POST " + route.endpoint() + ": "
                        + (advice != null ? advice : "check the route's base_url (the API's root, usually ending in /v1, "
                        + "without " + route.family().path() + ") and its model"));
            }
        }
    }
}
