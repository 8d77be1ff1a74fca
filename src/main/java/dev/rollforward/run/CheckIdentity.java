package dev.rollforward.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every record of a check is filed under.
 *
 * @param checkId           null: {@code route-rollforward-check-YYYYMMDD-HHMM} at the run's start, UTC
 * @param reviewLink        null or blank: each route's review_link from the config (a CI template such as
 *                          {@code --review-link "${{ github.event.pull_request.html_url }}"} is empty on a manual run)
 * @param requireReviewLink {@code --require-review-link}: no check without one (the config may ask for it too)
 */
public record CheckIdentity(String checkId, String reviewLink, boolean requireReviewLink) {

    public CheckIdentity {
        reviewLink = reviewLink == null || reviewLink.isBlank() ? null : reviewLink.strip();
    }

    public static final CheckIdentity DEFAULT = new CheckIdentity(null, null, false);

    public CheckIdentity(String checkId, String reviewLink) {
        this(checkId, reviewLink, false);
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    /** The check id to use, made from the clock when none was given. */
    public String checkId(Clock clock) {
        return checkId != null ? checkId : "route-rollforward-check-" + MINUTE.format(clock.instant());
    }
}
