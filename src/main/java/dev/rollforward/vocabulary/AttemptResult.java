package dev.rollforward.vocabulary;

import java.time.Instant;

/** One judged attempt: what was seen and what it means. */
public record AttemptResult(
        Phase phase,
        ResponseSnapshot snapshot,
        BodyFacts facts,
        GatewayReport gateway,
        ServedBy servedBy,
        ShapeSeen shapeSeen,
        Judgement judgement,
        Instant startedAt,
        long durationMs) {

    /** Resends rollforward made, plus the retries and fallbacks the gateway reported (CONTRACT §3). */
    public int retryCount() {
        return snapshot.resends() + gateway.retryCount() + gateway.fallbacks();
    }

    /** The HTTP status, or null when no answer came (the records' {@code http_status}). */
    public Integer httpStatus() {
        return snapshot instanceof ResponseSnapshot.Answer a ? a.status() : null;
    }

    /** Why no answer came, in words for a person; null when one came. */
    public String noAnswerDetail() {
        return snapshot instanceof ResponseSnapshot.NoAnswer n ? n.detail() : null;
    }
}
