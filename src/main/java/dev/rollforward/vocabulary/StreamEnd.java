package dev.rollforward.vocabulary;

/** How a stream ended (the records' {@code stream_end}); a stream that never ended has none. */
public enum StreamEnd {
    /** chat: {@code data: [DONE]}. */
    DONE("done"),
    /** responses: {@code response.completed}. */
    COMPLETED("completed"),
    /** responses: {@code response.incomplete} (a tiny max_output_tokens can give it): still a whole stream. */
    INCOMPLETE("incomplete"),
    /** messages: {@code message_stop}. */
    MESSAGE_STOP("message_stop"),
    /** an {@code error} event, an error chunk, or {@code response.failed}: the route reported a failure. */
    ERROR("error");

    private final String wire;

    StreamEnd(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
