package dev.rollforward.report;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.RouteResult;
import java.util.List;

/** The person's view on stderr, read at a glance: a row per attempt, each route's verdict in words, the counts. */
public final class StderrTable implements ResultSink {

    /** Each column's width but the last's (the reasons); a longer value pushes the rest along. */
    private static final int[] WIDTHS = {24, 9, 10, 6, 10, 7, 17, 8};

    private final Console console;
    private boolean headerShown;

    public StderrTable(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void accept(RouteResult result) {
        if (!headerShown) {
            console.info(row("ROUTE", "FAMILY", "PHASE", "STATUS", "SHAPE", "RETRIES", "SERVED BY", "DECISION", "REASONS"));
            headerShown = true;
        }
        console.info(rows(result));
        console.info("  " + VerdictLine.prefix(result), result.verdict(), result.verdict().inWords());
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
            sb.append(row(r.label(), r.family().wire(), a.phase().wire(), StatusText.number(a),
                    a.shapeSeen().wire(), a.retryCount(), ServedByText.target(a, console.redactor()),
                    a.judgement().decision().wire(),
                    reasons.isEmpty() ? "-" : String.join(",", reasons))).append('\n');
        }
        return sb.toString();
    }

    /** The cells left-aligned in their columns (by hand: java.util.Formatter costs start-up time to load). */
    private static String row(Object... cells) {
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < cells.length; i++) {
            String cell = String.valueOf(cells[i]);
            sb.append(cell);
            if (i < WIDTHS.length) {
                sb.append(" ".repeat(Math.max(0, WIDTHS[i] - cell.length()) + 1));
            }
        }
        return sb.toString();
    }
}
