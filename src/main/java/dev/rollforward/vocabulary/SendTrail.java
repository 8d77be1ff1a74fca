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

    /** The resends: every send after the first, by what came of the send before it. */
    public Resends resent() {
        Resends resent = Resends.NONE;
        for (int i = 1; i < sends.size(); i++) {
            resent = sends.get(i - 1).status() == null ? resent.plusAfterNoResponse() : resent.plusAfterStatus();
        }
        return resent;
    }
}
