package dev.rollforward.vocabulary;

/**
 * The few facts rollforward keeps from a body. Nothing free-form: no answer text, no
 * error message, so nothing from the body can leak into a record.
 *
 * @param completionMarker a chat {@code finish_reason}, a responses {@code status} or a messages {@code stop_reason}, or null
 * @param errorCode        {@code error.code} (or {@code error.type}) of an error envelope, or null
 */
public record BodyFacts(
        BodyShape shape,
        String model,
        boolean idPresent,
        String completionMarker,
        boolean usagePresent,
        String errorCode) {

    public static BodyFacts of(BodyShape shape) {
        return new BodyFacts(shape, null, false, null, false, null);
    }
}
