package dev.rollforward.run;

import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import java.util.List;

/**
 * The runbook's order, enforced when a team asks for it ({@code require_review_link: true} in the
 * config, or {@code --require-review-link}): the ticket first, then the rollforward. A check
 * with a route that has no review link is refused as a usage error before anything is sent.
 */
public final class ReviewLinkRequirement {

    /** A route would be checked with no review link while one is required. */
    public static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message);
        }
    }

    private ReviewLinkRequirement() {
    }

    static void check(RouteFile file, List<Route> routes, CheckIdentity identity) throws Missing {
        if (!file.requireReviewLink() && !identity.requireReviewLink()) {
            return;
        }
        for (Route r : routes) {
            String link = identity.reviewLink() != null ? identity.reviewLink() : r.reviewLink();
            if (link == null || link.isBlank()) {
                String why = file.requireReviewLink() ? "require_review_link is set in " + file.path()
                        : "--require-review-link was given";
                throw new Missing("route " + r.label() + " has no review link, and " + why
                        + "; create the ticket first, then pass --review-link URL or set review_link in the config."
                        + " Nothing was sent");
            }
        }
    }
}
