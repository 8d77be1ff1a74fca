package dev.rollforward.vocabulary;

/**
 * One request rollforward actually sent within an attempt (the records' {@code sends}).
 *
 * @param status   the status that came back, or null when none did
 * @param failure  why no status came (a reason code such as {@code connect_failed}), or null
 * @param waitedMs how long rollforward waited before sending it (0 for the first send)
 */
public record Send(Integer status, String failure, long waitedMs) {

    public static Send answered(int status, long waitedMs) {
        return new Send(status, null, waitedMs);
    }

    public static Send failed(String failure, long waitedMs) {
        return new Send(null, failure, waitedMs);
    }
}
