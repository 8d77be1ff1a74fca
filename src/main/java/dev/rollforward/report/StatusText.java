package dev.rollforward.report;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.ResponseSnapshot;

/** An attempt's HTTP status as a person reads it in a report: the number, its class where there is room, or none. */
final class StatusText {

    private static final String NO_ANSWER = "none";

    private StatusText() {
    }

    /** {@code 200}: the stderr table's narrow column. */
    static String number(AttemptResult a) {
        return a.snapshot() instanceof ResponseSnapshot.Answer answer ? Integer.toString(answer.status()) : NO_ANSWER;
    }

    /** {@code 2xx 200}: the ticket's table, read class first. */
    static String classThenNumber(AttemptResult a) {
        return a.snapshot() instanceof ResponseSnapshot.Answer answer
                ? answer.statusClass() + " " + answer.status() : NO_ANSWER;
    }

    /** {@code 200 (2xx)}: a JUnit test case's text. */
    static String numberThenClass(AttemptResult a) {
        return a.snapshot() instanceof ResponseSnapshot.Answer answer
                ? answer.status() + " (" + answer.statusClass() + ")" : NO_ANSWER;
    }
}
