package dev.rollforward.report;

import dev.rollforward.vocabulary.Phase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The progress line: every route still in flight and the attempt it is at, the longest-running
 * first, so a route that hangs stays in sight while others come and go:
 * {@code checking 2 routes: a (happy-path), b (error-path)}. Kept to one terminal line (80 columns).
 */
public final class InFlightLine {

    private static final int WIDTH = 79;

    /** Route label → the attempt it is at, in the order the routes started. */
    private final Map<String, Phase> inFlight = new LinkedHashMap<>();

    /** Records that a route's attempt started (a route keeps its place for its second attempt); returns the line to show. */
    public synchronized String started(String label, Phase phase) {
        inFlight.put(label, phase);
        return text();
    }

    /** Records that a route's last attempt ended; returns the line to show. */
    public synchronized String finished(String label) {
        inFlight.remove(label);
        return text();
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
