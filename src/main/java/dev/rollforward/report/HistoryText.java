package dev.rollforward.report;

import dev.rollforward.vocabulary.Decision;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code history} for a person: per route a heading, then one line per check in time order, the
 * way {@code git log --oneline} shows commits, with what changed since the check before on the
 * same line. On a terminal the verdict and the check id are coloured; piped, it is plain text.
 */
public final class HistoryText {

    private static final String BOLD = "\033[1m";
    private static final String YELLOW = "\033[33m";
    private static final String RESET = "\033[0m";

    private final PrintStream out;
    private final boolean colour;
    private final ShownValues values = new ShownValues();

    /** @param colour stdout is a terminal that wants colour */
    public HistoryText(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    public void write(EvidenceHistory history) {
        boolean first = true;
        for (String route : history.routes()) {
            List<EvidenceHistory.Step> steps = history.steps(route);
            if (!first) {
                out.print('\n');
            }
            first = false;
            String heading = safe(route) + ": " + steps.size() + (steps.size() == 1 ? " check" : " checks");
            out.print((colour ? BOLD + heading + RESET : heading) + '\n');
            int idWidth = steps.stream().mapToInt(s -> safe(s.check().checkId()).length()).max().orElse(0);
            for (EvidenceHistory.Step s : steps) {
                out.print(line(s, idWidth) + '\n');
            }
        }
        out.flush();
    }

    /** {@code 2026-11-27T04:10:00Z  night-2  promote  2xx  served_by -  retries 0  -  changed: ...} */
    private String line(EvidenceHistory.Step s, int idWidth) {
        HistoryCheck c = s.check();
        String id = pad(safe(c.checkId()), idWidth);
        String verdict = pad(safe(c.fallbackDecision()), 7);
        Decision d = Decision.fromWire(c.fallbackDecision());
        StringBuilder sb = new StringBuilder();
        sb.append(safe(c.startedAt())).append("  ")
                .append(colour ? YELLOW + id + RESET : id).append("  ")
                .append(colour && d != null ? Console.paint(d, verdict) : verdict).append("  ")
                .append(pad(safe(c.httpStatusClass()), 4)).append("  ")
                .append("served_by ").append(safe(c.servedByTarget())).append("  ")
                .append("retries ").append(safe(c.retryCount())).append("  ")
                .append(c.reasons().isEmpty() ? "-" : safe(String.join(",", c.reasons())));
        if (!s.changed().isEmpty()) {
            sb.append("  changed: ").append(safe(ChangeText.changes(s.changed())));
        }
        return sb.toString();
    }

    private String safe(String value) {
        return values.text(value);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
