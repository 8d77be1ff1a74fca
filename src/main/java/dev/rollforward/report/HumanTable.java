package dev.rollforward.report;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.RouteResult;
import java.util.List;

/** The stderr view a person reads at a glance: one row per attempt, then the verdict in words. */
public final class HumanTable {

    private static final String ROW = "%-24s %-9s %-10s %-6s %-10s %-7s %-8s %s";

    private HumanTable() {
    }

    public static String header() {
        return String.format(ROW, "ROUTE", "FAMILY", "PHASE", "STATUS", "SHAPE", "RETRIES", "DECISION", "REASONS");
    }

    /** @param console colours the verdict when stderr is a terminal */
    public static String rows(RouteResult r, Console console) {
        StringBuilder sb = new StringBuilder();
        for (AttemptResult a : r.attempts()) {
            List<String> reasons = a.judgement().reasons();
            sb.append(String.format(ROW, r.label(), r.family().wire(), a.phase().wire(),
                    String.valueOf(a.httpStatus() == null ? "none" : a.httpStatus()),
                    a.shapeSeen().wire(), a.retryCount(), a.judgement().decision().wire(),
                    reasons.isEmpty() ? "-" : String.join(",", reasons))).append('\n');
        }
        sb.append("  verdict ").append(r.label()).append(" (").append(r.family().wire()).append("): ")
                .append(console.colour(r.verdict().wire(), r.verdict().inWords()));
        return sb.toString();
    }
}
