package dev.rollforward.vocabulary;

import java.util.List;

/**
 * The few facts rollforward keeps from a body. Nothing free-form: no answer text, no
 * error message, so nothing from the body can leak into a record.
 *
 * @param completionMarker a chat {@code finish_reason}, a responses {@code status} or a messages {@code stop_reason}, or null
 * @param errorCode        {@code error.code} (or {@code error.type}) of an error envelope, or null
 * @param otherFields      the top-level field names of a JSON object that is neither a success object nor
 *                         an error envelope (so a gateway profile can tell its own error body); never shown
 */
public record BodyFacts(
        BodyShape shape,
        String model,
        boolean idPresent,
        String completionMarker,
        boolean usagePresent,
        String errorCode,
        List<String> otherFields) {

    public BodyFacts {
        otherFields = List.copyOf(otherFields);
    }

    public BodyFacts(BodyShape shape, String model, boolean idPresent, String completionMarker, boolean usagePresent,
                     String errorCode) {
        this(shape, model, idPresent, completionMarker, usagePresent, errorCode, List.of());
    }

    public static BodyFacts of(BodyShape shape) {
        return new BodyFacts(shape, null, false, null, false, null);
    }
}
