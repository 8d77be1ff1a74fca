package dev.rollforward.run;

import java.util.List;

/**
 * Which routes of the config a check takes, and how many it checks at once.
 *
 * @param labels the routes asked for by label (empty: the only route, unless {@code all})
 */
public record Selection(List<String> labels, boolean all, int concurrency) {

    /** CONTRACT §1: at most this many routes at a time unless --concurrency says otherwise. */
    public static final int DEFAULT_CONCURRENCY = 8;

    public Selection {
        labels = List.copyOf(labels);
    }

    /** Every route of the config, {@code concurrency} at a time. */
    public static Selection everyRoute(int concurrency) {
        return new Selection(List.of(), true, concurrency);
    }
}
