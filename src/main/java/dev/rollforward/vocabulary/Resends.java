package dev.rollforward.vocabulary;

/**
 * The resends rollforward made in one attempt, by what made it send again: its own send got no
 * response (a connect failure, a reset, a timeout), or the route answered with a status worth
 * one more try. The record says which, so nobody reads rollforward's retry as the gateway's doing.
 */
public record Resends(int afterNoResponse, int afterStatus) {

    public static final Resends NONE = new Resends(0, 0);

    public int total() {
        return afterNoResponse + afterStatus;
    }

    public Resends plusAfterNoResponse() {
        return new Resends(afterNoResponse + 1, afterStatus);
    }

    public Resends plusAfterStatus() {
        return new Resends(afterNoResponse, afterStatus + 1);
    }
}
