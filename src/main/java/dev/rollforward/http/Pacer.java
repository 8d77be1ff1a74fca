package dev.rollforward.http;

import java.io.InterruptedIOException;

/** Time for the retry loop: injected so tests run instantly and exactly. */
public interface Pacer {

    /** Wall-clock epoch milliseconds (deadlines, and Retry-After given as an HTTP-date). */
    long nowMillis();

    void sleep(long millis) throws InterruptedIOException;

    Pacer SYSTEM = new Pacer() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) throws InterruptedIOException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to retry");
            }
        }
    };
}
