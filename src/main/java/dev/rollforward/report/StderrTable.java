package dev.rollforward.report;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.RouteResult;
import java.util.List;

/** The person's view on stderr, read at a glance: a row per attempt, each route's verdict in words, the counts. */
public final class StderrTable implements ResultSink {

    private static final String ROW = "%-24s %-9s %-10s %-6s %-10s %-7s %-17s %-8s %s";

    private final Console console;
    private boolean headerShown;

    public StderrTable(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void accept(RouteResult result) {
        if (!headerShown) {
            console.info(String.format(ROW, "ROUTE", "FAMILY", "PHASE", "STATUS", "SHAPE", "RETRIES", "SERVED BY", "DECISION", "REASONS"));
            headerShown = true;
        }
        console.info(rows(result));
        // What failed, in words, for an attempt that got no answer (e.g. "TLS failed: certificate expired").
        for (AttemptResult a : result.attempts()) {
            String detail = a.noAnswerDetail();
            if (detail != null && !detail.isBlank()) {
                console.info("  " + result.label() + " " + a.phase().wire() + ": " + detail.replaceAll("[\\r\\n\\t]+", " ").strip());
            }
        }
        // With an evidence log: what is different from the route's last check (a changed config, key or verdict).
        String changes = ChangeText.of(result.previous());
        if (changes != null) {
            console.info("  " + result.label() + ": " + changes);
        }
    }

    @Override
    public void finish(RunSummary s) {
        console.info(s.routesChecked());
    }

    private String rows(RouteResult r) {
        StringBuilder sb = new StringBuilder();
        for (AttemptResult a : r.attempts()) {
            List<String> reasons = a.judgement().reasons();
            sb.append(String.format(ROW, r.label(), r.family().wire(), a.phase().wire(), StatusText.number(a),
                    a.shapeSeen().wire(), a.retryCount(), ServedByText.target(a, console.redactor()),
                    a.judgement().decision().wire(),
                    reasons.isEmpty() ? "-" : String.join(",", reasons))).append('\n');
        }
        sb.append("  ").append(VerdictLine.of(r, words -> console.colour(r.verdict(), words)));
        return sb.toString();
    }
}
