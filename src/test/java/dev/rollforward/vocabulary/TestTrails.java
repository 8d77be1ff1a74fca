package dev.rollforward.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Send trails for tests that judge snapshots without a network: the resends a test asks for (each
 * cause as a send before the last: a reset for "no response", a 503 for "a retryable status"),
 * then the last send, with no waits.
 */
public final class TestTrails {

    public static final String CORRELATION_ID = "route-rollforward-check-20261127-0304.primary.happy-path";

    private TestTrails() {
    }

    /** The resends, then a last send answered with {@code status}. */
    public static SendTrail answered(String host, int status, Resends resent) {
        return trail(host, resent, Send.answered(status, 0));
    }

    /** {@code resends} sends answered 503, then a last send answered with {@code status}. */
    public static SendTrail answered(String host, int status, int resends) {
        return answered(host, status, new Resends(0, resends));
    }

    /** The resends, then a last send that got no response, for {@code reason}. */
    public static SendTrail failed(String host, String reason, Resends resent) {
        return trail(host, resent, Send.failed(reason, 0));
    }

    /** {@code resends} sends that got no response, then a last one, each for {@code reason}. */
    public static SendTrail failed(String host, String reason, int resends) {
        return failed(host, reason, new Resends(resends, 0));
    }

    private static SendTrail trail(String host, Resends resent, Send last) {
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i < resent.afterNoResponse(); i++) {
            sends.add(Send.failed("connection_reset", 0));
        }
        for (int i = 0; i < resent.afterStatus(); i++) {
            sends.add(Send.answered(503, 0));
        }
        sends.add(last);
        SendTrail trail = new SendTrail(host, CORRELATION_ID, sends);
        if (!trail.resent().equals(resent)) {
            throw new IllegalArgumentException("a trail cannot have " + resent + " before its last send");
        }
        return trail;
    }
}
