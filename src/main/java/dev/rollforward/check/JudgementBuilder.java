package dev.rollforward.check;

import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.Judgement;
import java.util.ArrayList;
import java.util.List;

/** Collects rows of the decision table as they apply; the worst decision wins. */
final class JudgementBuilder {
    private Decision decision = Decision.PROMOTE;
    private final List<String> reasons = new ArrayList<>();

    JudgementBuilder add(Decision d, String reason) {
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
