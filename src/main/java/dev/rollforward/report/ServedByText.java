package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;

/** The served-by target as a person reads it in a report: sanitized like the record's, or {@code -} when none was named. */
final class ServedByText {

    static final String NONE = "-";

    private ServedByText() {
    }

    static String target(AttemptResult a, Redactor redactor) {
        String target = redactor.evidence(a.servedBy().target());
        return target == null || target.isEmpty() ? NONE : target;
    }
}
