package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * What rollforward saw of one attempt, free of any HTTP library type, so the decision table can be
 * tested without a network: either an {@link Answer} (a status came back) or {@link NoAnswer}.
 */
public sealed interface ResponseSnapshot permits ResponseSnapshot.Answer, ResponseSnapshot.NoAnswer {

    /** What rollforward sent for this attempt: host, correlation id and every send. */
    SendTrail trail();

    /** Host of the request that produced the final outcome. */
    default String requestHost() {
        return trail().host();
    }

    /** Resends rollforward itself made for this attempt, by cause. */
    default Resends resent() {
        return trail().resent();
    }

    /** How many resends rollforward itself made for this attempt. */
    default int resends() {
        return resent().total();
    }

    /** {@code 2xx} style class, or {@code none}. */
    String statusClass();

    /** First value of a response header, name case-insensitive; null when absent or when no answer came. */
    String header(String name);

    /**
     * A status came back.
     *
     * @param headers       response headers, names in lower case
     * @param body          the body bytes read, at most the body cap
     * @param bodyTruncated the body was longer than the cap; the rest was discarded unread
     * @param bodyError     null, or a reason code when reading the body failed part way
     * @param stream        what a body read as a stream came to (its text is not kept: {@code body} is empty);
     *                      null when the body was read whole
     */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean bodyTruncated, String bodyError,
                  SendTrail trail, StreamFacts stream) implements ResponseSnapshot {

        /** An answer whose body was read whole. */
        public Answer(int status, Map<String, List<String>> headers, byte[] body, boolean bodyTruncated,
                      String bodyError, SendTrail trail) {
            this(status, headers, body, bodyTruncated, bodyError, trail, null);
        }

        @Override
        public String statusClass() {
            return (status / 100) + "xx";
        }

        @Override
        public String header(String name) {
            return HeaderValues.first(headers, name);
        }
    }

    /**
     * No status came back.
     *
     * @param reason      a reason code (timeout, connect_failed, …)
     * @param failureCode null, or a more specific reason code under {@code reason} (e.g. {@code tls_unknown_ca})
     * @param detail      a short, already redacted explanation for a person
     */
    record NoAnswer(String reason, String failureCode, String detail, SendTrail trail) implements ResponseSnapshot {

        /** The reason code of an attempt the run was stopped before (Ctrl-C, SIGTERM): never sent, or cut short. */
        public static final String INTERRUPTED = "interrupted";

        /** An attempt the run was stopped before it was sent or answered; {@code trail}: the sends made before that. */
        public static NoAnswer interrupted(SendTrail trail) {
            return new NoAnswer(INTERRUPTED, null, "the run was stopped before an answer came", trail);
        }

        public boolean wasInterrupted() {
            return INTERRUPTED.equals(reason);
        }

        @Override
        public String statusClass() {
            return "none";
        }

        @Override
        public String header(String name) {
            return null;
        }
    }
}
