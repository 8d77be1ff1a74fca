package dev.rollforward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full jitter: random(0, min(max_delay_ms, base_delay_ms * 2^n)) (CONTRACT §3). */
class BackoffTest {

    private static final RetryPolicy POLICY = new RetryPolicy(3, 250, 2000, 5000);

    @ParameterizedTest(name = "n={0} -> ceiling {1}")
    @CsvSource({"0, 250", "1, 500", "2, 1000", "3, 2000", "4, 2000", "10, 2000", "31, 2000", "62, 2000", "1000, 2000"})
    void ceilingIsBaseTimesTwoToTheNCappedAtMaxDelay(int n, long ceiling) {
        List<Long> bounds = new ArrayList<>();
        Backoff top = new Backoff(bound -> {
            bounds.add(bound);
            return bound;
        });

        assertThat(top.delayMillis(POLICY, n)).isEqualTo(ceiling);
        assertThat(bounds).containsExactly(ceiling);
        assertThat(new Backoff(bound -> 0).delayMillis(POLICY, n)).isZero();
    }

    @Test
    void aLargeBaseNeverOverflows() {
        RetryPolicy big = new RetryPolicy(3, 60_000, 60_000, 5000);
        Backoff top = new Backoff(bound -> bound);

        for (int n = 0; n < 100; n++) {
            assertThat(top.delayMillis(big, n)).isEqualTo(60_000);
        }
    }

    @Test
    void zeroBaseIsZero() {
        assertThat(new Backoff(bound -> bound).delayMillis(new RetryPolicy(3, 0, 2000, 5000), 3)).isZero();
    }

    @Test
    void aMisbehavingRandomIsClampedIntoTheRange() {
        assertThat(new Backoff(bound -> bound * 10).delayMillis(POLICY, 0)).isEqualTo(250);
        assertThat(new Backoff(bound -> -5).delayMillis(POLICY, 0)).isZero();
    }

    @RepeatedTest(20)
    void realJitterStaysWithinTheBound() {
        Backoff random = Backoff.random();
        for (int n = 0; n < 6; n++) {
            long ceiling = Math.min(2000, 250L << n);
            assertThat(random.delayMillis(POLICY, n)).isBetween(0L, ceiling);
        }
    }

    @Test
    void realJitterSpreadsOverTheRange() {
        Backoff random = Backoff.random();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            long d = random.delayMillis(POLICY, 2);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isLessThan(200);
        assertThat(max).isGreaterThan(800).isLessThanOrEqualTo(1000);
    }
}
