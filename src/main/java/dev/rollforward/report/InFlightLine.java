package dev.rollforward.report;

import dev.rollforward.vocabulary.Phase;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The progress line: every route still in flight and the attempt it is at, in config order (the
 * order the records come in), so a route that hangs stays in sight while others come and go:
 * {@code checking 2 routes: a (happy-path), b (error-path)}. Kept to one terminal line (80 columns).
 */
public final class InFlightLine {

    private static final int WIDTH = 79;

    /** Route label → the attempt it is at; ordered by the route's place in the config, not by thread timing. */
    private final Map<String, Phase> inFlight = new TreeMap<>(Comparator.comparingInt(this::place).thenComparing(Comparator.naturalOrder()));
    private final Map<String, Integer> places;

    /** @param labels the routes of the run, in config order */
    public InFlightLine(List<String> labels) {
        Map<String, Integer> p = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            p.put(labels.get(i), i);
        }
        this.places = p;
    }

    /** Records that a route's attempt started; returns the line to show. */
    public synchronized String started(String label, Phase phase) {
        inFlight.put(label, phase);
        return text();
    }

    /** Records that a route's last attempt ended; returns the line to show. */
    public synchronized String finished(String label) {
        inFlight.remove(label);
        return text();
    }

    private int place(String label) {
        return places.getOrDefault(label, Integer.MAX_VALUE);
    }

    private String text() {
        if (inFlight.isEmpty()) {
            return "";
        }
        int n = inFlight.size();
        StringBuilder line = new StringBuilder("checking ").append(n).append(n == 1 ? " route: " : " routes: ");
        int shown = 0;
        for (Map.Entry<String, Phase> e : inFlight.entrySet()) {
            String item = (shown == 0 ? "" : ", ") + e.getKey() + " (" + e.getValue().wire() + ")";
            String more = shown + 1 < n ? ", +" + (n - shown - 1) + " more" : "";
            if (shown > 0 && line.length() + item.length() + more.length() > WIDTH) {
                return line.append(", +").append(n - shown).append(" more").toString();
            }
            line.append(item);
            shown++;
        }
        return line.toString();
    }
}
