package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Judgement;
import dev.rollforward.vocabulary.RouteResult;
import java.util.List;

/** What a person reads in the CI view of a JUnit suite or case: the record's fields in words, no body, no header values. */
final class JUnitCaseText {

    private JUnitCaseText() {
    }

    /** A suite's output: the route's verdict, then its reasons, each named by its phase. */
    static String suiteOutput(RouteResult r) {
        return VerdictLine.of(r) + (r.reasons().isEmpty() ? "" : "\nreasons: " + String.join(", ", r.reasons()));
    }

    /** A failure's or error's message: {@code stay: wrong_upstream_host}. */
    static String message(Judgement j) {
        return j.decision().wire() + (j.reasons().isEmpty() ? "" : ": " + String.join(", ", j.reasons()));
    }

    /** A failure's or error's text: what the decision means, then the attempt's fields. */
    static String failure(AttemptResult a, Redactor redactor) {
        return a.judgement().decision().inWords() + "\n" + fields(a, redactor);
    }

    /** The attempt's fields, one per line; all that a passing case with a note shows. */
    static String fields(AttemptResult a, Redactor redactor) {
        StringBuilder sb = new StringBuilder();
        sb.append("decision: ").append(a.judgement().decision().wire()).append('\n');
        sb.append("http_status: ").append(StatusText.numberThenClass(a)).append('\n');
        sb.append("response_shape_seen: ").append(a.shapeSeen().wire()).append('\n');
        sb.append("retry_count: ").append(a.retryCount()).append(" (resends ").append(a.snapshot().resends())
                .append(", gateway retries ").append(a.gateway().retryCount())
                .append(", gateway fallbacks ").append(a.gateway().fallbacks()).append(")\n");
        sb.append("served_by: ").append(ServedByText.target(a, redactor))
                .append(" (gateway ").append(a.servedBy().gateway()).append(")\n");
        if (a.snapshot().trail().correlationId() != null) {
            sb.append("correlation_id: ").append(a.snapshot().trail().correlationId()).append('\n');
        }
        List<String> reasons = a.judgement().reasons();
        sb.append("reasons: ").append(reasons.isEmpty() ? "none" : String.join(", ", reasons)).append('\n');
        if (a.noAnswerDetail() != null) {
            sb.append("detail: ").append(a.noAnswerDetail()).append('\n');
        }
        sb.append("started_at: ").append(a.startedAt());
        return sb.toString();
    }
}
