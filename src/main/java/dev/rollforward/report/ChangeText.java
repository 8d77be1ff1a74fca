package dev.rollforward.report;

import dev.rollforward.vocabulary.Previous;
import java.util.List;
import java.util.StringJoiner;

/** What changed since a route's last check, in words for a person: stderr, the markdown report and history. */
final class ChangeText {

    /** As many hex digits of a route digest as a person compares (and greps for: a prefix of the record's value). */
    private static final int SHORT_DIGEST = "sha256:".length() + 12;

    private ChangeText() {
    }

    /** One line for a verdict's {@code previous}; null when no evidence log was in use. */
    static String of(Previous previous) {
        if (previous instanceof Previous.FirstCheck) {
            return "no earlier check of this route in the evidence log";
        }
        if (previous instanceof Previous.Check c) {
            String since = c.checkId() + " (" + c.fallbackDecision() + ", " + c.startedAt() + ")";
            return c.changed().isEmpty() ? "nothing changed since " + since : "changed since " + since + ": " + changes(c.changed());
        }
        return null;
    }

    /** {@code route_digest sha256:5d41402abc4b → sha256:7c211433f026 (the route's config changed), ...} */
    static String changes(List<Previous.Change> changes) {
        StringJoiner out = new StringJoiner(", ");
        for (Previous.Change c : changes) {
            String line = c.field() + " " + value(c.field(), c.was()) + " \u2192 " + value(c.field(), c.now());
            if (c.field().equals(ComparedField.ROUTE_DIGEST.wire()) && c.was() != null && c.now() != null) {
                line += " (the route's config changed)";
            }
            out.add(line);
        }
        return out.toString();
    }

    private static String value(String field, String v) {
        if (v == null) {
            return "(none)";
        }
        boolean digest = field.equals(ComparedField.ROUTE_DIGEST.wire());
        return digest && v.length() > SHORT_DIGEST ? v.substring(0, SHORT_DIGEST) : v;
    }
}
