package dev.rollforward.vocabulary;

import java.util.List;

/** A decision with the short reason codes that led to it. */
public record Judgement(Decision decision, List<String> reasons) {

    public Judgement {
        reasons = List.copyOf(reasons);
    }
}
