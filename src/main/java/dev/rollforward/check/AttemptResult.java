package dev.rollforward.check;

import java.time.Instant;

/** One judged attempt: what was seen and what it means. */
public record AttemptResult(
        Phase phase,
        ResponseSnapshot snapshot,
        BodyFacts facts,
        GatewayRetries gateway,
        Judgement judgement,
        Instant startedAt,
        long durationMs) {

    /** Resends rollforward made plus retries the gateway reported (CONTRACT §3). */
    public int retryCount() {
        return snapshot.resends() + gateway.count();
    }

    /** {@code expected}, {@code unexpected}, or {@code none} when there was no body to judge. */
    public String shapeSeen() {
        if (!snapshot.hasStatus() || facts.shape() == BodyShape.EMPTY) {
            return "none";
        }
        boolean expected = phase == Phase.HAPPY_PATH
                ? facts.shape() == BodyShape.CHAT_COMPLETION || facts.shape() == BodyShape.RESPONSE
                : facts.shape() == BodyShape.ERROR_ENVELOPE;
        return expected && snapshot.bodyError() == null ? "expected" : "unexpected";
    }
}
