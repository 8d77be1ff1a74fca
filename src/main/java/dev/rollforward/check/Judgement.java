package dev.rollforward.check;

import java.util.ArrayList;
import java.util.List;

/** A decision with the short reason codes that led to it. */
public record Judgement(Decision decision, List<String> reasons) {

    public Judgement {
        reasons = List.copyOf(reasons);
    }

    /** Collects rows of the decision table as they apply; the worst decision wins. */
    static final class Builder {
        private Decision decision = Decision.PROMOTE;
        private final List<String> reasons = new ArrayList<>();

        Builder add(Decision d, String reason) {
            decision = decision.worse(d);
            if (reason != null && !reasons.contains(reason)) {
                reasons.add(reason);
            }
            return this;
        }

        Judgement build() {
            return new Judgement(decision, reasons);
        }
    }
}
