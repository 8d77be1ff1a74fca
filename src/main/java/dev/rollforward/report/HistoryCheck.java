package dev.rollforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One check of a route as {@code history} shows it: what its verdict record said, and no more
 * (a log of 100k lines is held as these, not as parsed records).
 *
 * @param compared the record's {@link ComparedField} values, to say what changed between checks
 * @param order    the record's place in the file, which breaks ties of {@code started_at}
 */
record HistoryCheck(String routeLabel, String checkId, String startedAt, String fallbackDecision,
                    String httpStatusClass, String servedByTarget, String retryCount, List<String> reasons,
                    String reviewLink, String[] compared, long order) {

    static HistoryCheck of(JsonNode verdict, long order) {
        List<String> reasons = new ArrayList<>();
        JsonNode list = verdict.path("reasons");
        if (list.isArray()) {
            list.forEach(r -> reasons.add(r.isValueNode() ? r.asText() : r.toString()));
        }
        return new HistoryCheck(verdict.get("route_label").asText(), EvidenceRecord.text(verdict, "check_id"),
                EvidenceRecord.text(verdict, "started_at"), EvidenceRecord.text(verdict, "fallback_decision"),
                EvidenceRecord.text(verdict, "http_status_class"), EvidenceRecord.text(verdict, "served_by", "target"),
                EvidenceRecord.text(verdict, "retry_count"), List.copyOf(reasons),
                EvidenceRecord.text(verdict, "review_link"), ComparedField.valuesOf(verdict), order);
    }

    /** The time order: by {@code started_at}; a record without a readable one goes last, in file order. */
    Instant time() {
        if (startedAt == null) {
            return Instant.MAX;
        }
        try {
            return Instant.parse(startedAt);
        } catch (DateTimeParseException e) {
            return Instant.MAX;
        }
    }
}
