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

    /** {@code pass} only for promote: a hold must never read as a pass anywhere. */
    public String operatorResult() {
        return this == PROMOTE ? "pass" : "fail";
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
