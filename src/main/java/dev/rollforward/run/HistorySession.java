package dev.rollforward.run;

import dev.rollforward.report.EvidenceHistory;
import dev.rollforward.report.EvidenceLogUnreadable;
import dev.rollforward.report.HistoryJson;
import dev.rollforward.report.HistoryText;
import dev.rollforward.vocabulary.ExitCode;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code rollforward history}: read an evidence log, print each route's checks on stdout
 * (text for a person, or JSON Lines), and say on stderr what was read and what was skipped.
 *
 * @param routes the route labels to show; empty shows every route
 */
public record HistorySession(Path evidenceLog, List<String> routes, boolean json) {

    /** @throws EvidenceLogUnreadable when the log does not exist or cannot be read (exit 66) */
    public ExitCode run(RunEnvironment env) throws EvidenceLogUnreadable {
        EvidenceHistory history = EvidenceHistory.read(evidenceLog, routes);
        if (json) {
            new HistoryJson(env.out()).write(history);
        } else {
            new HistoryText(env.out(), env.colourStdout()).write(history);
        }
        for (String note : history.notes(evidenceLog, routes)) {
            env.err().println(note);
        }
        return ExitCode.PASS;
    }
}
