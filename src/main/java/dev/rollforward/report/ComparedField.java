package dev.rollforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.vocabulary.Previous;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields of a verdict record that {@code previous.changed} and {@code history} compare
 * between two checks of a route (CONTRACT §8), in the contract's order. Both sides are read
 * from records as written, so what is compared is exactly what a reader of the log sees.
 */
enum ComparedField {
    FALLBACK_DECISION("fallback_decision"),
    HTTP_STATUS_CLASS("http_status_class"),
    RESPONSE_SHAPE_SEEN("response_shape_seen"),
    SERVED_BY_TARGET("served_by", "target"),
    SERVED_BY_MODEL("served_by", "model"),
    ROUTE_DIGEST("route_digest"),
    CREDENTIAL_FINGERPRINT("credential_fingerprint"),
    TOOL_VERSION("tool_version");

    private final String[] path;

    ComparedField(String... path) {
        this.path = path;
    }

    /** As {@code changed} names it: {@code served_by.target}. */
    String wire() {
        return String.join(".", path);
    }

    /** The field's value in a record; null when the record has none (older records have no provenance). */
    String read(JsonNode record) {
        return EvidenceRecord.text(record, path);
    }

    /** A record's compared values, indexed by ordinal: all a history keeps of them, not the whole record. */
    static String[] valuesOf(JsonNode record) {
        ComparedField[] fields = values();
        String[] out = new String[fields.length];
        for (ComparedField f : fields) {
            out[f.ordinal()] = f.read(record);
        }
        return out;
    }

    /** What differs from {@code was} to {@code now} (each from {@link #valuesOf}), field by field in contract order. */
    static List<Previous.Change> between(String[] was, String[] now) {
        List<Previous.Change> out = new ArrayList<>();
        for (ComparedField f : values()) {
            String before = was[f.ordinal()];
            String after = now[f.ordinal()];
            if (!Objects.equals(before, after)) {
                out.add(new Previous.Change(f.wire(), before, after));
            }
        }
        return out;
    }
}
