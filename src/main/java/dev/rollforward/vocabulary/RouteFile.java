package dev.rollforward.vocabulary;

import java.util.List;

/**
 * A loaded config: where it came from and its routes in file order.
 *
 * @param requireReviewLink {@code require_review_link: true}: a check with no review link is a usage error
 */
public record RouteFile(String path, List<Route> routes, boolean requireReviewLink) {

    /** A config that leaves the review link optional (the default). */
    public RouteFile(String path, List<Route> routes) {
        this(path, routes, false);
    }

    public Route route(String label) {
        for (Route r : routes) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        return null;
    }
}
