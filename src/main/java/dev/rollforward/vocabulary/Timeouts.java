package dev.rollforward.vocabulary;

/** {@code requestMs} bounds one whole attempt, retries and body included. */
public record Timeouts(long connectMs, long requestMs) {

    public static final Timeouts DEFAULT = new Timeouts(5000, 30000);
}
