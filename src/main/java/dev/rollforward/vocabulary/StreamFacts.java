package dev.rollforward.vocabulary;

/**
 * What rollforward keeps of a stream it read: how many events came, how it ended, and the same
 * few facts a plain body gives. No event text.
 *
 * @param eventsSeen every event dispatched, {@code ping} and the end marker included
 * @param end        how the stream ended, or null when it stopped before its end marker
 * @param facts      the stream's id, model, completion marker and usage, and its shape: the
 *                   family's success shape when its events were the family's own
 */
public record StreamFacts(int eventsSeen, StreamEnd end, BodyFacts facts) {
}
