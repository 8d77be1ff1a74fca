package dev.rollforward.vocabulary;

/** The record's {@code response_shape_seen}: was the body the one this attempt should get. */
public enum ShapeSeen {
    EXPECTED("expected"),
    UNEXPECTED("unexpected"),
    NONE("none");

    private final String wire;

    ShapeSeen(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
