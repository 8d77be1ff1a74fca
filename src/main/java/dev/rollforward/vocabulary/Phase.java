package dev.rollforward.vocabulary;

/** The two attempts of a route check, in the order they are sent. */
public enum Phase {
    HAPPY_PATH("happy-path"),
    ERROR_PATH("error-path");

    private final String wire;

    Phase(String wire) {
        this.wire = wire;
    }

    /** The name used in records and reports. */
    public String wire() {
        return wire;
    }
}
