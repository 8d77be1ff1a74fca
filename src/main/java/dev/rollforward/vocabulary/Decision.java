package dev.rollforward.vocabulary;

import java.util.Collection;

/** What one attempt, or a whole route, says about rolling traffic forward. Ordered by severity. */
public enum Decision {
    PROMOTE("promote"),
    HOLD("hold"),
    STAY("stay");

    private final String wire;

    Decision(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The decision a record names, or null for a word that is not one (a record from elsewhere). */
    public static Decision fromWire(String wire) {
        for (Decision d : values()) {
            if (d.wire.equals(wire)) {
                return d;
            }
        }
        return null;
    }

    /** {@code pass} only for promote: a hold must never read as a pass anywhere. */
    public String operatorResult() {
        return this == PROMOTE ? "pass" : "fail";
    }

    /** What the decision tells the operator to do with the traffic. */
    public String advice() {
        switch (this) {
            case PROMOTE: return "traffic may roll forward";
            case STAY: return "do not roll forward; keep traffic where it is";
            default: return "do not roll forward yet; a person must look";
        }
    }

    /** The decision in words, for a person: {@code stay: do not roll forward; ...}. */
    public String inWords() {
        return wire + ": " + advice();
    }

    public Decision worse(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** stay if any is stay; else hold if any is hold; else promote (CONTRACT §5). */
    public static Decision worstOf(Collection<Decision> decisions) {
        Decision worst = PROMOTE;
        for (Decision d : decisions) {
            worst = worst.worse(d);
        }
        return worst;
    }
}
