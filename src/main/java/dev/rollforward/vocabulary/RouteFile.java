package dev.rollforward.vocabulary;

import java.util.List;

/** A loaded config: where it came from and its routes in file order. */
public record RouteFile(String path, List<Route> routes) {

    public Route route(String label) {
        for (Route r : routes) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        return null;
    }
}
