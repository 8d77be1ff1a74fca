package dev.rollforward.vocabulary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A route's attempts in the order sent, and the verdict over them.
 *
 * @param provenance what judged, with which config and key (on every record of the route)
 * @param previous   the route's last check in the evidence log, once looked up
 * @param stream     the route asked for the stream (CONTRACT §3)
 */
public record RouteResult(String label, RequestFamily family, String reviewLink,
                          List<AttemptResult> attempts, Instant startedAt, long durationMs,
                          Provenance provenance, Previous previous, boolean stream) {

    public RouteResult {
        attempts = List.copyOf(attempts);
    }

    /** As a check produces it: the evidence log is read afterwards, by whoever keeps one. */
    public RouteResult(String label, RequestFamily family, String reviewLink, List<AttemptResult> attempts,
                       Instant startedAt, long durationMs, Provenance provenance, boolean stream) {
        this(label, family, reviewLink, attempts, startedAt, durationMs, provenance, Previous.NOT_LOOKED_UP, stream);
    }

    /** A route that did not ask for the stream, as a check produces it. */
    public RouteResult(String label, RequestFamily family, String reviewLink, List<AttemptResult> attempts,
                       Instant startedAt, long durationMs, Provenance provenance) {
        this(label, family, reviewLink, attempts, startedAt, durationMs, provenance, false);
    }

    public RouteResult withPrevious(Previous p) {
        return new RouteResult(label, family, reviewLink, attempts, startedAt, durationMs, provenance, p, stream);
    }

    /** stay if any attempt is stay; else hold if any is hold; else promote (CONTRACT §5). */
    public Decision verdict() {
        return Decision.worstOf(attempts.stream().map(a -> a.judgement().decision()).toList());
    }

    /** Each attempt's reasons, prefixed with its phase so a reader knows which request said it. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        for (AttemptResult a : attempts) {
            for (String r : a.judgement().reasons()) {
                out.add(a.phase().wire() + ":" + r);
            }
        }
        return out;
    }

    /** Over both attempts: unexpected if either was, none if neither had a body, else expected. */
    public ShapeSeen shapeSeen() {
        boolean allNone = true;
        for (AttemptResult a : attempts) {
            if (a.shapeSeen() == ShapeSeen.UNEXPECTED) {
                return ShapeSeen.UNEXPECTED;
            }
            allNone &= a.shapeSeen() == ShapeSeen.NONE;
        }
        return allNone ? ShapeSeen.NONE : ShapeSeen.EXPECTED;
    }

    public int retryCount() {
        return attempts.stream().mapToInt(AttemptResult::retryCount).sum();
    }

    public int gatewayRetryCount() {
        return attempts.stream().mapToInt(a -> a.gateway().retryCount()).sum();
    }

    public int gatewayFallbackCount() {
        return attempts.stream().mapToInt(a -> a.gateway().fallbacks()).sum();
    }
}
