package dev.rollforward.vocabulary;

import java.util.List;

/** What the evidence log says about a route's last check, for the verdict's {@code previous} (CONTRACT §8). */
public sealed interface Previous {

    /** No evidence log in use: the verdict record has no {@code previous} field at all. */
    Previous NOT_LOOKED_UP = new NotLookedUp();

    /** The log holds no earlier verdict of the route: {@code "previous": null}. */
    Previous FIRST_CHECK = new FirstCheck();

    record NotLookedUp() implements Previous {
    }

    record FirstCheck() implements Previous {
    }

    /**
     * The last whole verdict record of the route in the log, and what differs from it now.
     *
     * @param startedAt        as that record gave it (a string: it is evidence, not re-parsed)
     * @param fallbackDecision that record's verdict, as its wire word
     */
    record Check(String checkId, String startedAt, String fallbackDecision, List<Change> changed) implements Previous {
        public Check {
            changed = List.copyOf(changed);
        }
    }

    /** One compared field that differs; {@code was} and {@code now} are null when the record had no value. */
    record Change(String field, String was, String now) {
    }
}
