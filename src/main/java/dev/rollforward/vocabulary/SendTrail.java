package dev.rollforward.vocabulary;

import java.util.List;

/**
 * What rollforward sent for one attempt: where to, under which correlation id, and every send in order.
 *
 * @param host          the host of the request that produced the final outcome
 * @param correlationId the {@code X-Request-Id} every send carried, or null when none was sent
 * @param sends         one entry per request actually sent, in order
 */
public record SendTrail(String host, String correlationId, List<Send> sends) {

    public SendTrail {
        sends = List.copyOf(sends);
    }

    /** Resends rollforward made: every send after the first. */
    public int resends() {
        return Math.max(0, sends.size() - 1);
    }
}
