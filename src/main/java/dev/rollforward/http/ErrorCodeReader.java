package dev.rollforward.http;

/**
 * Reads the {@code error.code} of an error body, for the retry rules that depend on it
 * ({@code insufficient_quota}, the request-blamed 5xx codes). The transport only peeks the
 * body; what counts as an error envelope is the check package's to say, so run passes its
 * classifier in here and http never depends on check.
 */
@FunctionalInterface
public interface ErrorCodeReader {

    /** The body's {@code error.code}, or null when it has none or is no error envelope. */
    String errorCode(byte[] body);
}
