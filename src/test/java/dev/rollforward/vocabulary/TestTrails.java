package dev.rollforward.vocabulary;

import java.util.ArrayList;
import java.util.List;

/** Send trails for tests that judge snapshots without a network: every send alike, no waits. */
public final class TestTrails {

    public static final String CORRELATION_ID = "route-rollforward-check-20261127-0304.primary.happy-path";

    private TestTrails() {
    }

    /** {@code resends + 1} sends to {@code host}, each answered with {@code status}. */
    public static SendTrail answered(String host, int status, int resends) {
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i <= resends; i++) {
            sends.add(Send.answered(status, 0));
        }
        return new SendTrail(host, CORRELATION_ID, sends);
    }

    /** {@code resends + 1} sends to {@code host}, none answered, each for {@code reason}. */
    public static SendTrail failed(String host, String reason, int resends) {
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i <= resends; i++) {
            sends.add(Send.failed(reason, 0));
        }
        return new SendTrail(host, CORRELATION_ID, sends);
    }
}
