package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import java.util.HashMap;
import java.util.Map;

/**
 * Values read from an evidence log, made safe to show: no key-like token (anyone may have
 * edited the file), and for text no control character (no terminal escape sequence). The same
 * few values repeat across thousands of checks (verdicts, digests, check ids), so each distinct
 * value is made safe once: the redactor's scan dominated {@code history} on a large log.
 */
final class ShownValues {

    private final Redactor redactor = Redactor.none();
    private final Map<String, String> text = new HashMap<>();
    private final Map<String, String> json = new HashMap<>();

    /** For a person: {@code -} for nothing, control characters shown as {@code ?}. */
    String text(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return text.computeIfAbsent(value, v -> redactor.redact(v.replaceAll("[\\p{Cntrl}\\u0080-\\u009f]", "?")));
    }

    /** For a JSON string (which escapes control characters itself); null stays null. */
    String json(String value) {
        return value == null ? null : json.computeIfAbsent(value, redactor::redact);
    }
}
