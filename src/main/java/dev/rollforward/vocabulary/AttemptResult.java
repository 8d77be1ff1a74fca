package dev.rollforward.vocabulary;

import java.time.Instant;

/**
 * One judged attempt: what was seen and what it means.
 *
 * @param family the route's request family: a success object of the other family is not the expected shape
 *               (null: either family's success object counts)
 */
public record AttemptResult(
        Phase phase,
        ResponseSnapshot snapshot,
        BodyFacts facts,
        GatewayRetries gateway,
        Judgement judgement,
        Instant startedAt,
        long durationMs,
        RequestFamily family) {

    public AttemptResult(Phase phase, ResponseSnapshot snapshot, BodyFacts facts, GatewayRetries gateway,
                         Judgement judgement, Instant startedAt, long durationMs) {
        this(phase, snapshot, facts, gateway, judgement, startedAt, durationMs, null);
    }

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
                ? family != null ? facts.shape().isSuccessOf(family)
                        : facts.shape() == BodyShape.CHAT_COMPLETION || facts.shape() == BodyShape.RESPONSE
                : facts.shape() == BodyShape.ERROR_ENVELOPE;
        return expected && snapshot.bodyError() == null ? "expected" : "unexpected";
    }
}
