package dev.rollforward.vocabulary;

/**
 * Follows one stream's events as they arrive and keeps what the judgement needs. The transport
 * reads and feeds it; what the events mean is the check package's to say, so run hands the
 * transport a way to make one per family and http never depends on check.
 */
public interface StreamWatch {

    /** Takes the next event; true once the stream has reached its end marker (read no further). */
    boolean accept(SseEvent event);

    /** What the events seen so far add up to. */
    StreamFacts facts();
}
