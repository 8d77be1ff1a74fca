package dev.rollforward.report;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.RouteResult;

/** The person's view on stderr: a table row per attempt and each verdict in words. */
public final class StderrTable implements ResultSink {

    private final Console console;
    private boolean headerShown;

    public StderrTable(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void accept(RouteResult result) {
        if (!headerShown) {
            console.info(HumanTable.header());
            headerShown = true;
        }
        console.info(HumanTable.rows(result, console));
        // What failed, in words, for an attempt that got no answer (e.g. "TLS failed: certificate expired").
        for (AttemptResult a : result.attempts()) {
            String detail = a.noAnswerDetail();
            if (detail != null && !detail.isBlank()) {
                console.info("  " + result.label() + " " + a.phase().wire() + ": " + detail.replaceAll("[\\r\\n\\t]+", " ").strip());
            }
        }
    }

    @Override
    public void finish(RunSummary s) {
        console.info(s.routesChecked());
    }
}
