package dev.rollforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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

    /**
     * @param same one instance per distinct value (labels, verdicts, digests and check ids repeat
     *             across thousands of checks; a large log is held in a fraction of the memory)
     */
    static HistoryCheck of(JsonNode verdict, long order, UnaryOperator<String> same) {
        List<String> reasons = new ArrayList<>();
        JsonNode list = verdict.path("reasons");
        if (list.isArray()) {
            list.forEach(r -> reasons.add(same.apply(r.isValueNode() ? r.asText() : r.toString())));
        }
        String[] compared = ComparedField.valuesOf(verdict);
        for (int i = 0; i < compared.length; i++) {
            compared[i] = same.apply(compared[i]);
        }
        return new HistoryCheck(same.apply(verdict.get("route_label").asText()), same.apply(text(verdict, "check_id")),
                text(verdict, "started_at"), same.apply(text(verdict, "fallback_decision")),
                same.apply(text(verdict, "http_status_class")), same.apply(text(verdict, "served_by", "target")),
                same.apply(text(verdict, "retry_count")), List.copyOf(reasons), same.apply(text(verdict, "review_link")),
                compared, order);
    }

    private static String text(JsonNode record, String... path) {
        return EvidenceRecord.text(record, path);
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
