package dev.rollforward.http;

import dev.rollforward.vocabulary.RetryPolicy;
import java.util.function.LongUnaryOperator;

/** Exponential backoff with full jitter: random(0, min(max_delay, base * 2^n)) (AWS, gRPC A6). */
public final class Backoff {

    private final LongUnaryOperator uniformUpTo;

    /** @param uniformUpTo returns a uniformly random value in [0, bound] for a bound */
    public Backoff(LongUnaryOperator uniformUpTo) {
        this.uniformUpTo = uniformUpTo;
    }

    public static Backoff random() {
        return new Backoff(bound -> bound <= 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** Delay before resend number {@code n} (0 for the first resend). */
    long delayMillis(RetryPolicy policy, int n) {
        long ceiling = policy.baseDelayMs() << Math.min(n, 30);
        if (ceiling < 0 || ceiling > policy.maxDelayMs()) {
            ceiling = policy.maxDelayMs();
        }
        return Math.max(0, Math.min(ceiling, uniformUpTo.applyAsLong(ceiling)));
    }
}
