package dev.rollforward.check;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.TestRoutes;

import static dev.rollforward.vocabulary.Decision.HOLD;
import static dev.rollforward.vocabulary.Decision.PROMOTE;
import static dev.rollforward.vocabulary.Decision.STAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CONTRACT §5 verdict: stay if any attempt is stay; else hold if any is hold; else promote. */
class VerdictTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "PROMOTE, PROMOTE, PROMOTE",
            "PROMOTE, HOLD, HOLD",
            "HOLD, PROMOTE, HOLD",
            "HOLD, HOLD, HOLD",
            "PROMOTE, STAY, STAY",
            "STAY, PROMOTE, STAY",
            "HOLD, STAY, STAY",
            "STAY, HOLD, STAY",
            "STAY, STAY, STAY"})
    void worstOfTwo(Decision a, Decision b, Decision verdict) {
        assertThat(a.worse(b)).isEqualTo(verdict);
        assertThat(Decision.worstOf(List.of(a, b))).isEqualTo(verdict);
    }

    @Test
    void worstOfNothingIsPromote() {
        assertThat(Decision.worstOf(List.of())).isEqualTo(PROMOTE);
    }

    @Test
    void operatorResultIsPassOnlyForPromote() {
        assertThat(PROMOTE.operatorResult()).isEqualTo("pass");
        assertThat(HOLD.operatorResult()).isEqualTo("fail");
        assertThat(STAY.operatorResult()).isEqualTo("fail");
        assertThat(List.of(PROMOTE.wire(), HOLD.wire(), STAY.wire())).containsExactly("promote", "hold", "stay");
    }

    private static RouteResult route(AttemptResult... attempts) {
        return new RouteResult(Snaps.LABEL, RequestFamily.CHAT, null, List.of(attempts), Snaps.T0, 40, TestRoutes.PROVENANCE);
    }

    private static AttemptResult happyPromote() {
        return Snaps.happy(RequestFamily.CHAT, Snaps.FULL, Snaps.good(200, Bodies.CHAT).build());
    }

    private static AttemptResult errorPromote() {
        return Snaps.error(Snaps.status(401).body(Bodies.OPENAI_401).build());
    }

    @Test
    void bothAttemptsPromoteGivesPromote() {
        RouteResult r = route(happyPromote(), errorPromote());

        assertThat(r.verdict()).isEqualTo(PROMOTE);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.retryCount()).isZero();
    }

    @Test
    void aHoldOnEitherAttemptGivesHold() {
        AttemptResult happyHold = Snaps.happy(RequestFamily.CHAT, Snaps.FULL, Snaps.status(429).build());
        AttemptResult errorHold = Snaps.error(Snaps.status(401).body(Bodies.HTML).build());

        assertThat(route(happyHold, errorPromote()).verdict()).isEqualTo(HOLD);
        assertThat(route(happyPromote(), errorHold).verdict()).isEqualTo(HOLD);
        assertThat(route(happyHold, errorHold).verdict()).isEqualTo(HOLD);
    }

    @Test
    void aStayOnEitherAttemptOutranksAnyHold() {
        AttemptResult happyStay = Snaps.happy(RequestFamily.CHAT, Snaps.FULL, Snaps.status(503).build());
        AttemptResult errorStay = Snaps.error(Snaps.good(200, Bodies.CHAT).build());
        AttemptResult errorHold = Snaps.error(Snaps.status(429).build());
        AttemptResult happyHold = Snaps.happy(RequestFamily.CHAT, Snaps.FULL, Snaps.noResponse("timeout"));

        assertThat(route(happyStay, errorHold).verdict()).isEqualTo(STAY);
        assertThat(route(happyHold, errorStay).verdict()).isEqualTo(STAY);
        assertThat(route(happyPromote(), errorStay).verdict()).isEqualTo(STAY);
    }

    @Test
    void reasonsArePrefixedWithTheirPhaseAndRetriesAreSummed() {
        AttemptResult happy = Snaps.happy(RequestFamily.CHAT, Snaps.FULL,
                Snaps.status(503).resends(1).header("x-litellm-attempted-retries", "2").build());
        AttemptResult err = Snaps.error(Snaps.status(401).body(Bodies.OPENAI_401).resends(1).build());
        RouteResult r = route(happy, err);

        assertThat(r.reasons()).containsExactly("happy-path:server_error", "error-path:resent_after_retryable_status");
        assertThat(r.retryCount()).isEqualTo(4);
        assertThat(r.gatewayRetryCount()).isEqualTo(2);
    }

    @Test
    void routeResultKeepsItsOwnCopyOfTheAttempts() {
        List<AttemptResult> attempts = new ArrayList<>(List.of(happyPromote()));
        RouteResult r = new RouteResult(Snaps.LABEL, RequestFamily.CHAT, null, attempts, Snaps.T0, 1, TestRoutes.PROVENANCE);
        attempts.add(Snaps.error(Snaps.good(200, Bodies.CHAT).build()));

        assertThat(r.attempts()).hasSize(1);
        assertThat(r.verdict()).isEqualTo(PROMOTE);
    }
}
