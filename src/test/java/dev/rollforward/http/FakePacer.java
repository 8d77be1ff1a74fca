package dev.rollforward.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to, or when the retry loop "sleeps"; records every sleep. */
public final class FakePacer implements Pacer {

    public static final Instant START = Instant.parse("2026-11-27T03:04:05Z");

    private long now = START.toEpochMilli();
    private final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public synchronized void sleep(long millis) {
        sleeps.add(millis);
        now += millis;
    }

    public synchronized void advance(long millis) {
        now += millis;
    }

    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
