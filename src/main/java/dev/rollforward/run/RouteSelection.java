package dev.rollforward.run;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Which routes a run checks: --route labels in config order, --all, or the only route there is. */
public final class RouteSelection {

    /** Asked for nothing while the config has several routes: the user must choose. */
    public static final class Ambiguous extends Exception {
        public Ambiguous(String message) {
            super(message);
        }
    }

    private RouteSelection() {
    }

    public static List<Route> select(RouteFile file, List<String> labels, boolean all) throws ConfigException, Ambiguous {
        if (all) {
            return file.routes();
        }
        if (labels == null || labels.isEmpty()) {
            if (file.routes().size() == 1) {
                return file.routes();
            }
            throw new Ambiguous(file.path() + " has " + file.routes().size() + " routes (" + names(file)
                    + "); name one with --route LABEL, or check them all with --all");
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>(labels);
        for (String label : wanted) {
            if (file.route(label) == null) {
                throw ConfigException.at(file.path(), 0, null, "has no route labelled '" + label + "'; its routes are: " + names(file));
            }
        }
        List<Route> out = new ArrayList<>();
        for (Route r : file.routes()) {
            if (wanted.contains(r.label())) {
                out.add(r);
            }
        }
        return out;
    }

    private static String names(RouteFile file) {
        return file.routes().stream().map(Route::label).collect(Collectors.joining(", "));
    }
}
