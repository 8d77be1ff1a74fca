package dev.rollforward.report;

import dev.rollforward.vocabulary.Decision;
import java.util.Arrays;
import java.util.Collection;

/** How many of each decision: a run's route verdicts, or a JUnit suite's attempts. */
public record DecisionCounts(int promote, int stay, int hold) {

    public static final DecisionCounts NONE = new DecisionCounts(0, 0, 0);

    public static DecisionCounts of(Collection<Decision> decisions) {
        DecisionCounts counts = NONE;
        for (Decision d : decisions) {
            counts = counts.plus(d);
        }
        return counts;
    }

    public DecisionCounts plus(Decision d) {
        return switch (d) {
            case PROMOTE -> new DecisionCounts(promote + 1, stay, hold);
            case STAY -> new DecisionCounts(promote, stay + 1, hold);
            case HOLD -> new DecisionCounts(promote, stay, hold + 1);
        };
    }

    public DecisionCounts plus(DecisionCounts other) {
        return new DecisionCounts(promote + other.promote, stay + other.stay, hold + other.hold);
    }

    public int count(Decision d) {
        return switch (d) {
            case PROMOTE -> promote;
            case STAY -> stay;
            case HOLD -> hold;
        };
    }

    public int total() {
        return promote + stay + hold;
    }

    /** The worst decision counted, by {@link Decision#worstOf}; promote when none was. */
    public Decision worst() {
        return Decision.worstOf(Arrays.stream(Decision.values()).filter(d -> count(d) > 0).toList());
    }
}
